// Package codec holds what a transaction package's typed decoder and encoder are built with,
// beside the engine in package x12: FieldReader reads typed fields from a segment and keeps
// what does not parse with a finding, Gather turns a unit-at-a-time reading into a
// set-at-a-time one, and WriteAll is the Write of an encoder built on an x12.CheckedGroup.
// ReadAddress and ReadCreated read the values several models share (an N3/N4 address, a BHT's
// date and time), and MergeFindings adds a decoder's own findings to the guide's without
// repeating an element the guide reported. A program that only uses the transaction packages
// does not need it.
package codec
