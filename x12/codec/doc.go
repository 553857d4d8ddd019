// Package codec holds what a transaction package's typed decoder and encoder are built with,
// beside the engine in package x12: FieldReader reads typed fields from a segment and keeps
// what does not parse with a finding, Gather turns a unit-at-a-time reading into a
// set-at-a-time one, and WriteAll is the Write of an encoder built on an x12.CheckedGroup. A
// program that only uses the transaction packages does not need it.
package codec
