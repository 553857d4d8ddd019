package main

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// repeated is a transaction set made as it is read: the head of a generated file, its first
// unit (a claim, a claim payment) n times over with the unit's ID numbered, and its tail
// with SE01 counted. No more than one unit is ever held.
type repeated struct {
	head, unit, tail string
	id               string // the unit's ID as generated, e.g. "PCN000001"
	n, done          int
	buf              []byte
	stage            int
}

// newRepeated cuts a generated file of one set and one unit at the unit's first segment
// (start, e.g. "CLM") and at the SE.
func newRepeated(t *testing.T, generated, start, id string, n int) *repeated {
	t.Helper()
	i := strings.Index(generated, "\n"+start+"*")
	j := strings.Index(generated, "\nSE*")
	require.True(t, i > 0 && j > i, "a generated set with one %s", start)
	head, unit, tail := generated[:i+1], generated[i+1:j+1], generated[j+1:]
	inSet := strings.Count(head[strings.Index(head, "ST*"):], "~") + strings.Count(unit, "~")*n + 1
	tail = regexp.MustCompile(`^SE\*\d+\*`).ReplaceAllString(tail, fmt.Sprintf("SE*%d*", inSet))
	require.Contains(t, unit, id)
	return &repeated{head: head, unit: unit, tail: tail, id: id, n: n}
}

func (r *repeated) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		switch {
		case r.stage == 0:
			r.buf, r.stage = append(r.buf[:0], r.head...), 1
		case r.done < r.n:
			r.done++
			r.buf = append(r.buf[:0], strings.Replace(r.unit, r.id, fmt.Sprintf("%s%07d", r.id[:3], r.done), 1)...)
		case r.stage == 1:
			r.buf, r.stage = append(r.buf[:0], r.tail...), 2
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// counter counts what is written to it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// peakHeap runs the command in this process on in and returns how far the live heap grew
// above where it stood before (runtime.ReadMemStats sampled every 2 ms; HeapAlloc holds the
// garbage not yet collected too, so it is an upper bound of what the command keeps).
func peakHeap(t *testing.T, in io.Reader, args ...string) (grew uint64, code int, out int64) {
	t.Helper()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var peak uint64
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	var stdout counter
	var stderr bytes.Buffer
	code = run(env{stdin: in, stdout: &stdout, stderr: &stderr}, args)
	close(done)
	wg.Wait()
	if peak < before.HeapAlloc {
		return 0, code, stdout.n
	}
	return peak - before.HeapAlloc, code, stdout.n
}

// TestMemoryBounded: many claims under one subscriber (one 2000B loop; the guide allows 100,
// so the set has findings, as the measured file had), and many claim payments in one 835
// set, are read in memory that does not grow with them: no command keeps a tree it does not
// use. Before this, json held ~3.6 KB and inspect and remit summary ~850 bytes per claim of
// such a set (40,000 claims: ~140 MiB and ~35 MiB). remit summary of an 835 does grow, by
// design, with remitstats.Pairer's ~80 bytes per claim payment remembered (at most 2^20).
func TestMemoryBounded(t *testing.T) {
	claims := 40_000
	if testing.Short() {
		claims = 10_000
	}
	const bound = 40 << 20 // bytes of heap growth allowed, whatever the number of claims
	_, one837, _ := runCLI(t, "", "gen", "837p", "--claims", "1", "--seed", "1")
	_, one835, _ := runCLI(t, "", "gen", "835", "--claims", "1", "--seed", "1")
	for _, c := range []struct {
		kind string
		args []string
		code int
	}{
		{"837P", []string{"validate", "-"}, exitBad},
		{"837P", []string{"json", "-"}, exitBad},
		{"837P", []string{"inspect", "-"}, exitOK},
		{"837P", []string{"stat", "-"}, exitOK},
		{"837P", []string{"remit", "summary", "-"}, exitBad},          // no 835: read past without a tree
		{"837P", []string{"eligibility", "check", "-"}, exitBad},      // no 271: the same
		{"835", []string{"json", "-"}, exitOK},                        // balancing is not json's
		{"835", []string{"remit", "summary", "--json", "-"}, exitBad}, // unbalanced; its Pairer keeps ~80 B a CLP01
		{"835", []string{"validate", "--ack", "999", "-"}, exitBad},
	} {
		var in io.Reader
		if c.kind == "835" {
			in = newRepeated(t, one835, "CLP", "PCN000001", claims)
		} else {
			in = newRepeated(t, one837, "CLM", "PCN000001", claims)
		}
		start := time.Now()
		grew, code, out := peakHeap(t, in, c.args...)
		t.Logf("%s %-28s %d claims: heap grew %5.1f MiB, %d bytes out, %v", c.kind, strings.Join(c.args, " "), claims,
			float64(grew)/(1<<20), out, time.Since(start).Round(time.Millisecond))
		assert.Equal(t, c.code, code, "%s %v", c.kind, c.args)
		assert.Less(t, grew, uint64(bound), "%s %v", c.kind, c.args)
		if c.args[0] == "json" {
			assert.Greater(t, out, int64(claims)*500, "every claim written")
		}
	}
}
