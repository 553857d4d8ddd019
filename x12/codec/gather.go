package codec

import "io"

// Gather is the set-at-a-time reading of the transaction packages' decoders, built on their
// unit-at-a-time reading: it reads parts with part — a unit (u), or the end of a set (end,
// with the error of its end findings, if any) — handing each unit to add, until a set ends.
// It reports true when it gathered a set: one that ended, or one cut short by an error that
// stops reading (io.EOF, or one sticky reports), with the units read before it. The errors met
// inside a set are held in *held and returned one per call after the set, before anything
// else is read; an error between sets is returned at once; io.EOF and a sticky error stay
// held and are returned on every later call.
func Gather[U any](held *[]error, sticky func(error) bool, part func() (u *U, end bool, err error), add func(*U)) (bool, error) {
	if len(*held) > 0 {
		err := (*held)[0]
		if err != io.EOF && !sticky(err) {
			*held = (*held)[1:]
		}
		return false, err
	}
	in := false
	for {
		u, end, err := part()
		switch {
		case end:
			if err != nil {
				*held = append(*held, err)
			}
			return true, nil
		case err != nil && !in && len(*held) == 0:
			return false, err // between sets
		case err == io.EOF || err != nil && sticky(err):
			*held = append(*held, err)
			if !in {
				return Gather(held, sticky, part, add) // the errors held
			}
			return true, nil // a set cut short: what of it was read
		case err != nil:
			*held = append(*held, err) // inside the set: returned after it
			continue
		}
		in = true
		add(u)
	}
}
