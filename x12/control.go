package x12

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Control number errors. Match them with errors.Is.
var (
	// ErrNoControlSource is returned (in an *Error naming the ISA or GS) by an EnvelopeWriter
	// asked to choose ISA13 or GS06 of a production interchange (ISA15 P) with no Controls
	// set: the private Sequence it would use starts at 1 in every run, so two files would
	// carry the same numbers and the receiver would reject the second as a duplicate.
	ErrNoControlSource = errors.New("a production interchange (ISA15 P) takes its ISA13 and GS06 from an explicit ControlSource")

	// ErrControlFile is wrapped by a ControlFile that cannot read, parse or replace its file.
	// It never falls back to numbers it cannot vouch for: a file it cannot read stops it.
	ErrControlFile = errors.New("control number file unusable")
)

// MaxControl is the largest control number: ISA13, GS06 and ST02 hold at most nine digits.
// The sources in this package hand out 1 through MaxControl and then start again at 1.
const MaxControl = 999999999

// ControlKind says which control number a ControlSource is asked for.
type ControlKind int

// Control number kinds.
const (
	InterchangeControl ControlKind = iota // ISA13 / IEA02: 1–999999999, written with 9 digits
	GroupControl                          // GS06 / GE02: 1–999999999
	SetControl                            // ST02 / SE02: written with at least 4 digits
)

var controlKindNames = [...]string{"interchange", "group", "set"}

// String returns "interchange", "group" or "set".
func (k ControlKind) String() string {
	if k < 0 || int(k) >= len(controlKindNames) {
		return "ControlKind(" + strconv.Itoa(int(k)) + ")"
	}
	return controlKindNames[k]
}

func (k ControlKind) valid() error {
	if k < 0 || int(k) >= len(controlKindNames) {
		return fmt.Errorf("x12: unknown control kind %d", int(k))
	}
	return nil
}

// ControlSource hands out control numbers. Next returns a number of that kind it has not
// returned before (until it wraps after MaxControl), between 1 and MaxControl.
// Implementations must be safe for concurrent use: several EnvelopeWriters may share one.
//
// Sequence counts in memory, for tests, fixtures and anything written in test mode;
// ControlFile keeps the numbers in a file, for production interchanges, where a receiver
// rejects an ISA13 (or a GS06 from the same sender) it has seen before.
type ControlSource interface {
	Next(kind ControlKind) (int64, error)
}

// Sequence is a ControlSource counting up in memory from the numbers it is given: the same
// calls give the same numbers, run after run. The zero value starts every kind at 1. After
// MaxControl a kind wraps to 1. It is safe for concurrent use.
//
// A Sequence forgets when the program ends: a production sender uses a ControlFile.
type Sequence struct {
	mu   sync.Mutex
	next [3]int64
}

// NewSequence returns a Sequence whose next interchange, group and set numbers are the ones
// given (values below 1 mean 1).
func NewSequence(interchange, group, set int64) *Sequence {
	return &Sequence{next: [3]int64{interchange - 1, group - 1, set - 1}}
}

// Next returns the next number of that kind.
func (s *Sequence) Next(kind ControlKind) (int64, error) {
	if err := kind.valid(); err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := nextControl(s.next[kind])
	s.next[kind] = n
	return n, nil
}

// nextControl is the number after last: last+1, or 1 after MaxControl (or from anything out
// of range).
func nextControl(last int64) int64 {
	if last < 0 || last >= MaxControl {
		return 1
	}
	return last + 1
}

// ControlFile is a ControlSource whose numbers live in a file, so that they do not repeat
// from one run to the next, between processes writing at the same time, or after a crash.
// Give every program that sends under one interchange sender ID (ISA06) the same file: ISA13
// is then unique for that sender, and so is GS06, as receivers require. (One file shared by
// several senders also works: its numbers are unique across all of them.)
//
// Each Next, under an exclusive lock, reads the file, counts up, writes the new state to a
// temporary file, flushes it to disk (fsync), renames it over the file and flushes the
// directory, and only then returns the number. A crash therefore never makes a number come
// back: at worst a number reserved and never written is skipped. A file that cannot be read
// or parsed stops the source (ErrControlFile) rather than restarting at 1.
//
// The lock is flock(2) on a companion file, the file's path with ".lock" added, on Linux,
// macOS and the BSDs (the kernel releases it when a process dies); elsewhere it is a
// companion file with ".lck" added, created exclusively while a number is being reserved and
// removed after, which a crash can leave behind: Next then fails with ErrControlFile after
// waiting 10 seconds for it, and the lock file is to be removed by hand once no writer is
// running. The lock is advisory: only ControlFiles honor it. Use a local file system; network
// file systems differ in how they lock and sync.
//
// The file is text, one kind per line with the last number handed out (0: none yet); lines
// starting with # are comments:
//
//	# x12kit control numbers: the last of each kind handed out
//	interchange 1233
//	group 1233
//	set 0
//
// To continue another system's numbering, write such a file before the first run.
// Numbers wrap after MaxControl to 1, a billion interchanges on: far beyond the time any
// receiver keeps numbers for its duplicate check.
//
// A ControlFile is safe for concurrent use. Close releases the lock file; the numbers are on
// disk after every Next, so a program that never calls Close loses nothing.
type ControlFile struct {
	path string
	mu   sync.Mutex
	lock *fileLock // nil once closed
}

// OpenControlFile returns a ControlFile keeping its numbers in the file at path, creating the
// file with every kind at 0 (so the first numbers are 1) when it does not exist. The
// directory must exist. The file itself is read again at every Next.
func OpenControlFile(path string) (*ControlFile, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("x12: control file: %w: %w", ErrControlFile, err)
	}
	l, err := openFileLock(abs)
	if err != nil {
		return nil, fmt.Errorf("x12: control file lock: %w: %w", ErrControlFile, err)
	}
	c := &ControlFile{path: abs, lock: l}
	err = c.locked(func() error {
		_, err := os.Stat(abs)
		switch {
		case err == nil:
			_, err = readControlFile(abs) // refuse a file that is not one now, not at the first Next
			return err
		case errors.Is(err, os.ErrNotExist):
			return writeControlFile(abs, [3]int64{})
		default:
			return fmt.Errorf("x12: control file: %w: %w", ErrControlFile, err)
		}
	})
	if err != nil {
		l.close()
		return nil, err
	}
	return c, nil
}

// Path returns the absolute path of the file.
func (c *ControlFile) Path() string { return c.path }

// Next reserves the next number of that kind on disk and returns it.
func (c *ControlFile) Next(kind ControlKind) (int64, error) {
	if err := kind.valid(); err != nil {
		return 0, err
	}
	var n int64
	err := c.locked(func() error {
		state, err := readControlFile(c.path)
		if err != nil {
			return err
		}
		n = nextControl(state[kind])
		state[kind] = n
		return writeControlFile(c.path, state)
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// Close releases the lock file. Next fails after Close (os.ErrClosed).
func (c *ControlFile) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lock == nil {
		return nil
	}
	err := c.lock.close()
	c.lock = nil
	return err
}

// locked runs f holding both the in-process mutex and the file lock.
func (c *ControlFile) locked(f func() error) (err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lock == nil {
		return fmt.Errorf("x12: control file: %w", os.ErrClosed)
	}
	if err := c.lock.lock(); err != nil {
		return fmt.Errorf("x12: control file lock: %w: %w", ErrControlFile, err)
	}
	defer func() {
		if uerr := c.lock.unlock(); uerr != nil && err == nil {
			// The number is on disk already: it is skipped, never handed out twice.
			err = fmt.Errorf("x12: control file unlock: %w: %w", ErrControlFile, uerr)
		}
	}()
	return f()
}

const controlFileComment = "# x12kit control numbers: the last of each kind handed out"

// readControlFile parses the file at path: every kind once, each 0–MaxControl.
func readControlFile(path string) ([3]int64, error) {
	var state [3]int64
	data, err := os.ReadFile(path)
	if err != nil {
		return state, fmt.Errorf("x12: control file: %w: %w", ErrControlFile, err)
	}
	bad := func(line int, what string) error {
		return fmt.Errorf("x12: control file line %d: %s: %w", line, what, ErrControlFile)
	}
	var seen [3]bool
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		key, value, ok := strings.Cut(text, " ")
		if !ok {
			return state, bad(line, "want a kind and a number")
		}
		kind := -1
		for k, name := range controlKindNames {
			if key == name {
				kind = k
			}
		}
		if kind < 0 {
			return state, bad(line, "unknown kind (want interchange, group or set)")
		}
		if seen[kind] {
			return state, bad(line, "kind given twice")
		}
		n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
		if err != nil || n < 0 || n > MaxControl {
			return state, bad(line, "want a number from 0 to 999999999")
		}
		state[kind], seen[kind] = n, true
	}
	if err := sc.Err(); err != nil {
		return state, fmt.Errorf("x12: control file: %w: %w", ErrControlFile, err)
	}
	for k, ok := range seen {
		if !ok {
			return state, fmt.Errorf("x12: control file: no %s line: %w", controlKindNames[k], ErrControlFile)
		}
	}
	return state, nil
}

// writeControlFile replaces the file at path with state, durably: a temporary file written
// and synced, renamed over path, then the directory synced. The caller holds the lock, so
// the temporary file's name is its own.
func writeControlFile(path string, state [3]int64) error {
	var b bytes.Buffer
	b.WriteString(controlFileComment + "\n")
	for k, name := range controlKindNames {
		fmt.Fprintf(&b, "%s %d\n", name, state[k])
	}
	tmp := path + ".tmp"
	fail := func(err error) error {
		os.Remove(tmp)
		return fmt.Errorf("x12: control file: %w: %w", ErrControlFile, err)
	}
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fail(err)
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fail(err)
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		return fmt.Errorf("x12: control file directory: %w: %w", ErrControlFile, err)
	}
	return nil
}
