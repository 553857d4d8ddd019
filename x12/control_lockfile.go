//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package x12

import (
	"errors"
	"fmt"
	"os"
	"time"
)

// lockFileWait is how long a ControlFile waits for another holder's lock file.
const lockFileWait = 10 * time.Second

// fileLock, where there is no flock, is the companion file path+".lck", created with
// O_EXCL while held and removed when released. A crash leaves it behind: after lockFileWait
// lock gives up, naming the file to remove.
type fileLock struct{ name string }

func openFileLock(path string) (*fileLock, error) { return &fileLock{name: path + ".lck"}, nil }

func (l *fileLock) lock() error {
	deadline := time.Now().Add(lockFileWait)
	for {
		f, err := os.OpenFile(l.name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			return f.Close()
		}
		if !errors.Is(err, os.ErrExist) {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("lock file %s held for over %v; remove it if no writer is running", l.name, lockFileWait)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (l *fileLock) unlock() error { return os.Remove(l.name) }

func (l *fileLock) close() error { return nil }

// syncDir flushes a directory's entries where the system allows it; where a directory cannot
// be opened for syncing (Windows), the rename is left to the file system's own journal.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	d.Sync()
	d.Close()
	return nil
}
