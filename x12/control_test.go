package x12

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests below that start processes re-run this test binary with these variables set; the
// test named by -test.run then plays the child's part instead of the parent's.
const (
	envChild = "X12KIT_CONTROL_CHILD" // the child's job: "write" or "draw"
	envFile  = "X12KIT_CONTROL_FILE"  // the control file
	envOut   = "X12KIT_CONTROL_OUT"   // write: the directory to write into; its files' prefix
	envCount = "X12KIT_CONTROL_N"     // write: how many files
)

// startChild starts this test binary running test as a child with job and env.
func startChild(t *testing.T, test, job string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), append([]string{envChild + "=" + job}, env...)...)
	return cmd
}

// writeProductionFile writes one production interchange with two groups (one set each)
// through controls to path.
func writeProductionFile(path string, controls ControlSource) error {
	var b bytes.Buffer
	e := NewEnvelopeWriter(&b)
	e.Controls, e.Now = controls, fixedClock
	e.Writer().Newline = true
	if err := e.BeginInterchange(InterchangeHeader{SenderID: "TELECLINIC", ReceiverID: "CLEARINGHOUSE", Usage: Production}); err != nil {
		return err
	}
	for g := 0; g < 2; g++ {
		if err := e.BeginGroup(GroupHeader{FunctionalID: "HC", SenderCode: "TELECLINIC", ReceiverCode: "CLEARINGHOUSE", Version: "005010X222A1"}); err != nil {
			return err
		}
		if err := e.BeginSet(SetHeader{ID: "837", Reference: "005010X222A1"}); err != nil {
			return err
		}
		if err := e.WriteStrings("BHT", "0019", "00", "0123", "20261128", "1200", "CH"); err != nil {
			return err
		}
	}
	if err := e.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// controlNumbers returns the ISA13s and GS06s of the interchanges in data.
func controlNumbers(t *testing.T, data []byte) (isa13, gs06 []string) {
	t.Helper()
	r := NewReader(bytes.NewReader(data))
	for {
		s, err := r.Next()
		if err == io.EOF {
			return isa13, gs06
		}
		require.NoError(t, err)
		switch s.ID() {
		case "ISA":
			isa13 = append(isa13, s.Value(13))
		case "GS":
			gs06 = append(gs06, s.Value(6))
		}
	}
}

func requireUnique(t *testing.T, what string, numbers []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, n := range numbers {
		require.False(t, seen[n], "%s %s handed out twice", what, n)
		seen[n] = true
	}
}

// TestControlFileTwoProcesses is the acceptance test of control numbers that persist: two
// processes each write files concurrently (several goroutines) through one control file,
// and no ISA13 or GS06 appears twice among all the files.
func TestControlFileTwoProcesses(t *testing.T) {
	if os.Getenv(envChild) == "write" {
		writeChild(t)
		return
	}
	const perChild = 40
	dir := t.TempDir()
	file := filepath.Join(dir, "controls")
	var children []*exec.Cmd
	var outputs []*bytes.Buffer
	for _, name := range []string{"a", "b"} {
		cmd := startChild(t, "TestControlFileTwoProcesses", "write",
			envFile+"="+file, envOut+"="+filepath.Join(dir, name), envCount+"="+strconv.Itoa(perChild))
		out := &bytes.Buffer{}
		cmd.Stdout, cmd.Stderr = out, out
		require.NoError(t, cmd.Start())
		children, outputs = append(children, cmd), append(outputs, out)
	}
	for i, cmd := range children {
		require.NoError(t, cmd.Wait(), "child %d:\n%s", i, outputs[i])
	}

	files, err := filepath.Glob(filepath.Join(dir, "*-*.x12"))
	require.NoError(t, err)
	require.Len(t, files, 2*perChild)
	var all bytes.Buffer
	var isa13, gs06 []string
	lastOf := map[string]int{} // the child each ISA13 came from, to see that they interleaved
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		all.Write(data)
		i, g := controlNumbers(t, data)
		require.Len(t, i, 1)
		require.Len(t, g, 2)
		isa13, gs06 = append(isa13, i...), append(gs06, g...)
		n, err := strconv.Atoi(i[0])
		require.NoError(t, err)
		lastOf[filepath.Base(f)[:1]] = max(lastOf[filepath.Base(f)[:1]], n)
	}
	requireUnique(t, "ISA13", isa13)
	requireUnique(t, "GS06", gs06)
	assert.Len(t, isa13, 2*perChild)
	assert.Len(t, gs06, 4*perChild)

	// The envelope checker, which tracks ISA13 and GS06 across a stream, agrees.
	c, err := CheckEnvelopes(&all)
	require.NoError(t, err)
	assert.Zero(t, c.Errors().Len(), "%v", c.Errors().All())

	// Every number was handed out once, in order: the file holds the last ones.
	state, err := readControlFile(file)
	require.NoError(t, err)
	assert.Equal(t, [3]int64{2 * perChild, 4 * perChild, 4 * perChild}, state)
	t.Logf("last ISA13 of each child: %v (both near %d when the processes overlapped)", lastOf, 2*perChild)
}

// writeChild is the child of TestControlFileTwoProcesses: it writes envCount files through
// the control file from four goroutines.
func writeChild(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv(envCount))
	require.NoError(t, err)
	controls, err := OpenControlFile(os.Getenv(envFile))
	require.NoError(t, err)
	defer controls.Close()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	work := make(chan int)
	for range 4 {
		wg.Go(func() {
			for i := range work {
				errs <- writeProductionFile(fmt.Sprintf("%s-%03d.x12", os.Getenv(envOut), i), controls)
			}
		})
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
}

// TestControlFileCrash kills a process while it draws numbers and checks that the numbers
// drawn after it, from the file it left, never repeat one it handed out.
func TestControlFileCrash(t *testing.T) {
	if os.Getenv(envChild) == "draw" {
		drawChild(t)
		return
	}
	file := filepath.Join(t.TempDir(), "controls")
	cmd := startChild(t, "TestControlFileCrash", "draw", envFile+"="+file)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	handed := map[int64]bool{}
	var last int64
	sc := bufio.NewScanner(stdout)
	for sc.Scan() && len(handed) < 200 {
		n, err := strconv.ParseInt(strings.TrimSpace(sc.Text()), 10, 64)
		if err != nil {
			continue // the test framework's own lines
		}
		handed[n], last = true, max(last, n)
	}
	require.NoError(t, cmd.Process.Kill()) // no Close, no deferred anything: a crash
	cmd.Wait()
	require.Len(t, handed, 200, "the child handed out too few numbers")

	c, err := OpenControlFile(file)
	require.NoError(t, err)
	defer c.Close()
	for range 50 {
		n, err := c.Next(InterchangeControl)
		require.NoError(t, err)
		assert.False(t, handed[n], "%d handed out again after the crash", n)
		assert.Greater(t, n, last)
	}
}

// drawChild is the child of TestControlFileCrash: it prints interchange numbers as it gets
// them until it is killed.
func drawChild(t *testing.T) {
	c, err := OpenControlFile(os.Getenv(envFile))
	require.NoError(t, err)
	for {
		n, err := c.Next(InterchangeControl)
		require.NoError(t, err)
		fmt.Println(n)
	}
}

// TestControlFileReopen: a source opened again from the file, without the first being
// closed (a crash within one process), continues after the numbers already handed out;
// a temporary file a crash left behind is of no consequence.
func TestControlFileReopen(t *testing.T) {
	file := filepath.Join(t.TempDir(), "controls")
	first, err := OpenControlFile(file)
	require.NoError(t, err)
	var got []int64
	for range 5 {
		n, err := first.Next(GroupControl)
		require.NoError(t, err)
		got = append(got, n)
	}
	assert.Equal(t, []int64{1, 2, 3, 4, 5}, got)
	require.NoError(t, os.WriteFile(file+".tmp", []byte("interchange 0\n"), 0o644)) // a write cut short

	second, err := OpenControlFile(file)
	require.NoError(t, err)
	n, err := second.Next(GroupControl)
	require.NoError(t, err)
	assert.Equal(t, int64(6), n)
	n, err = first.Next(GroupControl) // the first one, still open, sees the second's numbers
	require.NoError(t, err)
	assert.Equal(t, int64(7), n)
	n, err = second.Next(InterchangeControl) // kinds count on their own
	require.NoError(t, err)
	assert.Equal(t, int64(1), n)

	require.NoError(t, first.Close())
	require.NoError(t, first.Close(), "Close twice is harmless")
	_, err = first.Next(GroupControl)
	assert.ErrorIs(t, err, os.ErrClosed)
	require.NoError(t, second.Close())
}

// TestControlFileConcurrent: goroutines sharing one ControlFile and a second ControlFile on
// the same path in the same process (its own lock) never get the same number.
func TestControlFileConcurrent(t *testing.T) {
	file := filepath.Join(t.TempDir(), "controls")
	a, err := OpenControlFile(file)
	require.NoError(t, err)
	defer a.Close()
	b, err := OpenControlFile(file)
	require.NoError(t, err)
	defer b.Close()
	var mu sync.Mutex
	seen := map[int64]bool{}
	var wg sync.WaitGroup
	for g := range 8 {
		src := []*ControlFile{a, b}[g%2]
		wg.Go(func() {
			for range 25 {
				n, err := src.Next(SetControl)
				if !assert.NoError(t, err) {
					return
				}
				mu.Lock()
				assert.False(t, seen[n], "%d twice", n)
				seen[n] = true
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	assert.Len(t, seen, 200)
}

func TestControlFileContents(t *testing.T) {
	tests := []struct {
		name string
		file string
		want [3]int64 // the numbers Next then returns, when err is nil
		err  error
	}{
		{"as written", controlFileComment + "\ninterchange 1233\ngroup 55\nset 0\n", [3]int64{1234, 56, 1}, nil},
		{"any order, comments, blank lines, CRLF", "# moved from the old translator\r\n\r\nset 9\r\ngroup 1\r\ninterchange 41\r\n", [3]int64{42, 2, 10}, nil},
		{"wraps after 999999999", "interchange 999999999\ngroup 999999999\nset 999999998\n", [3]int64{1, 1, 999999999}, nil},
		{"empty (a file cut short)", "", [3]int64{}, ErrControlFile},
		{"a kind missing", "interchange 1\ngroup 1\n", [3]int64{}, ErrControlFile},
		{"a kind twice", "interchange 1\ngroup 1\nset 1\ngroup 2\n", [3]int64{}, ErrControlFile},
		{"unknown kind", "interchange 1\ngroup 1\nset 1\nbatch 1\n", [3]int64{}, ErrControlFile},
		{"no number", "interchange\ngroup 1\nset 1\n", [3]int64{}, ErrControlFile},
		{"not a number", "interchange 1x\ngroup 1\nset 1\n", [3]int64{}, ErrControlFile},
		{"negative", "interchange -1\ngroup 1\nset 1\n", [3]int64{}, ErrControlFile},
		{"ten digits", "interchange 1000000000\ngroup 1\nset 1\n", [3]int64{}, ErrControlFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "controls")
			require.NoError(t, os.WriteFile(file, []byte(tt.file), 0o644))
			c, err := OpenControlFile(file)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				data, rerr := os.ReadFile(file)
				require.NoError(t, rerr)
				assert.Equal(t, tt.file, string(data), "a file it refuses is left as it was")
				return
			}
			require.NoError(t, err)
			defer c.Close()
			for kind, want := range tt.want {
				n, err := c.Next(ControlKind(kind))
				require.NoError(t, err)
				assert.Equal(t, want, n, ControlKind(kind).String())
			}
			// What it writes back, it reads again.
			state, err := readControlFile(file)
			require.NoError(t, err)
			assert.Equal(t, tt.want, state)
		})
	}
}

// TestControlFileStopsOnDamage: a file damaged or removed after Open stops the source; it
// never starts again at 1.
func TestControlFileStopsOnDamage(t *testing.T) {
	tests := []struct {
		name   string
		damage func(file string) error
	}{
		{"emptied", func(f string) error { return os.WriteFile(f, nil, 0o644) }},
		{"garbled", func(f string) error { return os.WriteFile(f, []byte("interchange 12\x00\x00"), 0o644) }},
		{"removed", os.Remove},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "controls")
			c, err := OpenControlFile(file)
			require.NoError(t, err)
			defer c.Close()
			_, err = c.Next(InterchangeControl)
			require.NoError(t, err)
			require.NoError(t, tt.damage(file))
			_, err = c.Next(InterchangeControl)
			require.ErrorIs(t, err, ErrControlFile)

			// And an EnvelopeWriter using it stops with that error, writing no ISA.
			var b bytes.Buffer
			e := NewEnvelopeWriter(&b)
			e.Controls, e.Now = c, fixedClock
			err = e.BeginInterchange(InterchangeHeader{SenderID: "A", ReceiverID: "B", Usage: Production})
			require.ErrorIs(t, err, ErrControlFile)
			assert.Zero(t, b.Len())
		})
	}
}

func TestControlFileOpenErrors(t *testing.T) {
	_, err := OpenControlFile(filepath.Join(t.TempDir(), "no-such-dir", "controls"))
	require.ErrorIs(t, err, ErrControlFile)

	c, err := OpenControlFile(filepath.Join(t.TempDir(), "controls"))
	require.NoError(t, err)
	defer c.Close()
	_, err = c.Next(ControlKind(3))
	require.Error(t, err)
	assert.True(t, filepath.IsAbs(c.Path()))
}

func TestControlKindString(t *testing.T) {
	assert.Equal(t, "interchange", InterchangeControl.String())
	assert.Equal(t, "group", GroupControl.String())
	assert.Equal(t, "set", SetControl.String())
	assert.Equal(t, "ControlKind(7)", ControlKind(7).String())
}

// TestEnvelopeWriterProduction: a production interchange takes its ISA13 and GS06 from an
// explicit source or from its headers; test interchanges keep the private Sequence.
func TestEnvelopeWriterProduction(t *testing.T) {
	tests := []struct {
		name     string
		usage    UsageIndicator
		controls ControlSource
		isa13    string // InterchangeHeader.Control
		gs06     string // GroupHeader.Control
		errID    string // the segment refused, "" when none is
	}{
		{"test, default source", Test, nil, "", "", ""},
		{"zero usage is test", 0, nil, "", "", ""},
		{"production, default source", Production, nil, "", "", "ISA"},
		{"production, ISA13 given, GS06 not", Production, nil, "000000777", "", "GS"},
		{"production, both given (re-created)", Production, nil, "000000777", "777", ""},
		{"production, explicit Sequence", Production, NewSequence(5, 5, 5), "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			e := NewEnvelopeWriter(&b)
			e.Controls, e.Now = tt.controls, fixedClock
			err := e.BeginInterchange(InterchangeHeader{SenderID: "A", ReceiverID: "B", Usage: tt.usage, Control: tt.isa13})
			if err == nil {
				err = e.BeginGroup(GroupHeader{FunctionalID: "HC", SenderCode: "AA", ReceiverCode: "BB", Version: "005010X222A1", Control: tt.gs06})
			}
			if err == nil {
				err = e.BeginSet(SetHeader{ID: "837"}) // ST02 from the private Sequence, even in production
			}
			if err == nil {
				err = e.Close()
			}
			if tt.errID == "" {
				require.NoError(t, err)
				return
			}
			xe := requireX12Error(t, err, ErrNoControlSource)
			assert.Equal(t, tt.errID, xe.Pos.ID)
			assert.Same(t, err, e.Close(), "the error is sticky")
		})
	}

	// A test interchange first does not make the private Sequence count as explicit.
	var b bytes.Buffer
	e := NewEnvelopeWriter(&b)
	e.Now = fixedClock
	require.NoError(t, e.BeginInterchange(InterchangeHeader{SenderID: "A", ReceiverID: "B", Usage: Test}))
	require.NoError(t, e.EndInterchange())
	requireX12Error(t, e.BeginInterchange(InterchangeHeader{SenderID: "A", ReceiverID: "B", Usage: Production}), ErrNoControlSource)
}

// failingSource fails every Next, as a ControlFile on a full disk would.
type failingSource struct{}

func (failingSource) Next(ControlKind) (int64, error) { return 0, errors.New("disk full") }

func TestEnvelopeWriterSourceError(t *testing.T) {
	var b bytes.Buffer
	e := NewEnvelopeWriter(&b)
	e.Controls, e.Now = failingSource{}, fixedClock
	require.Error(t, e.BeginInterchange(InterchangeHeader{SenderID: "A", ReceiverID: "B"}))
	assert.Zero(t, b.Len())
}

// BenchmarkControlFileNext: what one reserved number costs (two syncs to disk and a rename).
func BenchmarkControlFileNext(b *testing.B) {
	c, err := OpenControlFile(filepath.Join(b.TempDir(), "controls"))
	require.NoError(b, err)
	defer c.Close()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Next(InterchangeControl); err != nil {
			b.Fatal(err)
		}
	}
}
