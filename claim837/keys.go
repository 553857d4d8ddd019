package claim837

import "github.com/x12kit/x12kit/x12"

// The guide positions of the segments and loops the typed model writes, looked up once in
// Guide, so that Extra segments can be merged back in the guide's order.
var (
	loop2000A = mustLoop("2000A")
	loop2000B = mustLoop("2000B")
	loop2000C = mustLoop("2000C")
	loop2300  = mustLoop("2300")
	loop2400  = mustLoop("2400")

	key2300 = struct {
		clm, onset, refF8, ref9F, refG1, nte, hi           int
		referring, rendering, facility, supervising, lines int
	}{
		clm:         childKey(loop2300, "CLM"),
		onset:       childKey(loop2300, "DTP", "431"),
		refF8:       childKey(loop2300, "REF", "F8"),
		ref9F:       childKey(loop2300, "REF", "9F"),
		refG1:       childKey(loop2300, "REF", "G1"),
		nte:         childKey(loop2300, "NTE", "ADD"),
		hi:          childKey(loop2300, "HI", "ABK:X"),
		referring:   loop2300.LoopIndex("2310A"),
		rendering:   loop2300.LoopIndex("2310B"),
		facility:    loop2300.LoopIndex("2310C"),
		supervising: loop2300.LoopIndex("2310D"),
		lines:       loop2300.LoopIndex("2400"),
	}
	key2000A = struct{ prv, provider, payTo int }{
		prv:      childKey(loop2000A, "PRV", "BI"),
		provider: loop2000A.LoopIndex("2010AA"),
		payTo:    loop2000A.LoopIndex("2010AB"),
	}
	key2000B = struct{ subscriber, payer, claims int }{
		subscriber: loop2000B.LoopIndex("2010BA"),
		payer:      loop2000B.LoopIndex("2010BB"),
		claims:     loop2000B.LoopIndex("2300"),
	}
	key2000C = struct{ patient int }{patient: loop2000C.LoopIndex("2010CA")}

	// claimLoops and lineLoops are the loops whose Extra segments a claim and a line write.
	claimLoops = []string{"2300", "2310A", "2310B", "2310C", "2310D", "2310E", "2310F", "2320",
		"2330A", "2330B", "2330C", "2330D", "2330E", "2330F", "2330G"}
	lineLoops = []string{"2400", "2410", "2420A", "2420B", "2420C", "2420D", "2420E", "2420F", "2420G", "2420H", "2430", "2440"}

	key2400 = struct{ sv1, dtp472, ref6R, drug int }{
		sv1:    childKey(loop2400, "SV1"),
		dtp472: childKey(loop2400, "DTP", "472"),
		ref6R:  childKey(loop2400, "REF", "6R"),
		drug:   loop2400.LoopIndex("2410"),
	}
)

func mustLoop(id string) *x12.Loop {
	l := Guide.Root.Find(id)
	if l == nil {
		panic("claim837: the guide has no loop " + id)
	}
	return l
}

// childKey finds the position in loop of the segment use that a segment with these leading
// elements would take.
func childKey(loop *x12.Loop, id string, elements ...string) int {
	k := loop.Key(id, elements...)
	if k < 0 {
		panic("claim837: the guide has no place for " + id + " in loop " + loop.ID)
	}
	return k
}
