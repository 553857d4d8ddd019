package x12_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/x12kit/x12kit/x12"
)

// A sender keeps its control numbers in a file, so that tonight's batch does not reuse
// yesterday's ISA13 and two programs writing at once never take the same one.
func ExampleOpenControlFile() {
	dir, err := os.MkdirTemp("", "controls")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	controls, err := x12.OpenControlFile(filepath.Join(dir, "teleclinic.controls"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer controls.Close()

	clock := func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) }
	for range 2 { // two nightly files, each its own program run in practice
		var out strings.Builder
		e := x12.NewEnvelopeWriter(&out)
		e.Controls, e.Now = controls, clock
		e.Writer().Newline = true
		e.BeginInterchange(x12.InterchangeHeader{SenderID: "TELECLINIC", ReceiverID: "CLEARINGHOUSE", Usage: x12.Production})
		e.BeginGroup(x12.GroupHeader{FunctionalID: "HC", SenderCode: "TELECLINIC", ReceiverCode: "CLEARINGHOUSE", Version: "005010X222A1"})
		e.BeginSet(x12.SetHeader{ID: "837", Reference: "005010X222A1"})
		e.WriteStrings("BHT", "0019", "00", "0123", "20261128", "1200", "CH")
		if err := e.Close(); err != nil {
			fmt.Println(err)
			return
		}
		lines := strings.Split(out.String(), "\n")
		fmt.Println(lines[0][90:99], lines[1]) // ISA13, then the GS
	}

	// Without a source, a production interchange is refused.
	e := x12.NewEnvelopeWriter(new(strings.Builder))
	err = e.BeginInterchange(x12.InterchangeHeader{SenderID: "TELECLINIC", ReceiverID: "CLEARINGHOUSE", Usage: x12.Production})
	fmt.Println(errors.Is(err, x12.ErrNoControlSource))

	// The file holds the last numbers handed out.
	data, _ := os.ReadFile(controls.Path())
	fmt.Print(string(data))
	// Output:
	// 000000001 GS*HC*TELECLINIC*CLEARINGHOUSE*20261128*1200*1*X*005010X222A1~
	// 000000002 GS*HC*TELECLINIC*CLEARINGHOUSE*20261128*1200*2*X*005010X222A1~
	// true
	// # x12kit control numbers: the last of each kind handed out
	// interchange 2
	// group 2
	// set 2
}
