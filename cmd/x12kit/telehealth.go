package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/x12kit/x12kit/codes"
)

func init() {
	register(command{
		name: "telehealth",
		usage: "telehealth --date D --payer P --modality M --setting S [--provider K] [--code C] [--rules FILE] " +
			"[--purpose X] [--practitioner T] [--area A] [--json]",
		summary: "the place of service, modifiers and warnings the telehealth coding policy gives for a visit",
		run:     runTelehealth,
	})
}

var errPayer = errors.New("--payer must be medicare, medicaid:XX (a state) or commercial[:NAME]")

// parsePayer reads medicare, medicaid:XX or commercial[:NAME].
func parsePayer(s string) (codes.Payer, error) {
	p, err := codes.ParsePayer(s)
	if err != nil {
		return codes.Payer{}, errPayer
	}
	return p, nil
}

// loadRules registers each rules file's rules in order; a file that cannot be read or has an
// error registers nothing from it.
func loadRules(policy *codes.Policy, files []string) error {
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("--rules: %w", err)
		}
		err = policy.LoadRules(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("--rules %s: %w", name, err)
		}
	}
	return nil
}

func runTelehealth(e env, args []string) int {
	c := commands["telehealth"]
	fs := newFlags(e, c)
	dateFlag := fs.String("date", "", "date of service as YYYY-MM-DD (required)")
	payerFlag := fs.String("payer", "", "medicare, medicaid:XX (state) or commercial[:NAME] (required)")
	modFlag := fs.String("modality", "", "video, audio or async (required)")
	setFlag := fs.String("setting", "", "where the patient is: home or facility (required)")
	provFlag := fs.String("provider", "practice", "who bills: practice, rhc, fqhc, cah2, otp or hospital-outpatient")
	codeFlag := fs.String("code", "", "CPT or HCPCS code of the service")
	var ruleFiles []string
	fs.Func("rules", "a telehealth rules `FILE` (JSON, format in the README) of payer or state Medicaid rules; may be repeated, later files win", func(s string) error {
		ruleFiles = append(ruleFiles, s)
		return nil
	})
	noBuiltin := fs.Bool("no-builtin-rules", false, "leave out the state Medicaid rule files x12kit ships")
	behavioral := fs.Bool("behavioral", false, "the visit treats a mental health or substance use disorder")
	purposeFlag := fs.String("purpose", "", "what the visit treats, where the rules differ: medical, mental-health, substance-use or home-dialysis (default: unstated)")
	practFlag := fs.String("practitioner", "", "who furnished it: physician (or a listed practitioner), pt, ot, slp or audiologist (default: unstated)")
	areaFlag := fs.String("area", "", "the originating site's area: rural (rural shortage area, non-metropolitan county or demonstration) or urban (default: unstated)")
	stroke := fs.Bool("stroke", false, "acute stroke care (Medicare modifier G0)")
	state := fs.String("patient-state", "", "two-letter state where the patient is (Medicare store-and-forward)")
	asJSON := fs.Bool("json", false, "print one JSON document")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	usage := func(msg string) int {
		fmt.Fprintln(e.stderr, "x12kit telehealth: "+msg)
		fs.Usage()
		return exitUsage
	}
	if fs.NArg() != 0 {
		return usage("takes no arguments")
	}
	dos, err := parseDay(*dateFlag)
	if err != nil {
		return usage("--date must be YYYY-MM-DD")
	}
	payer, err := parsePayer(*payerFlag)
	if err != nil {
		return usage(err.Error())
	}
	mod, err := codes.ParseModality(*modFlag)
	if err != nil {
		return usage("--modality must be video, audio or async")
	}
	set, err := codes.ParseSetting(*setFlag)
	if err != nil {
		return usage("--setting must be home or facility")
	}
	prov, err := codes.ParseProviderKind(*provFlag)
	if err != nil {
		return usage("--provider must be practice, rhc, fqhc, cah2, otp or hospital-outpatient")
	}
	purpose, err := codes.ParsePurpose(*purposeFlag)
	if err != nil {
		return usage("--purpose must be medical, mental-health, substance-use or home-dialysis")
	}
	if *behavioral && (purpose == codes.PurposeMedical || purpose == codes.PurposeHomeDialysis) {
		return usage("--behavioral contradicts --purpose " + purpose.String())
	}
	pract, err := codes.ParsePractitioner(*practFlag)
	if err != nil {
		return usage("--practitioner must be physician, pt, ot, slp or audiologist")
	}
	area, err := codes.ParseArea(*areaFlag)
	if err != nil {
		return usage("--area must be rural or urban")
	}
	policy := &codes.Policy{NoBuiltinRules: *noBuiltin}
	if err := loadRules(policy, ruleFiles); err != nil {
		fmt.Fprintln(e.stderr, "x12kit telehealth: "+err.Error())
		return exitUsage
	}
	d, err := policy.Decide(codes.Visit{DateOfService: dos, Payer: payer, Modality: mod, Setting: set,
		Provider: prov, Code: strings.ToUpper(*codeFlag), Behavioral: *behavioral, Purpose: purpose,
		Practitioner: pract, Area: area, AcuteStroke: *stroke, PatientState: strings.ToUpper(*state)})
	if err != nil {
		return usage(err.Error())
	}
	if *asJSON {
		if err := writeJSON(e, d); err != nil {
			return exitUsage
		}
		return exitOK
	}
	pos := d.POS
	if pos == "" {
		pos = "(none: institutional claim)"
	}
	mods := strings.Join(d.Modifiers, " ")
	if mods == "" {
		mods = "(none)"
	}
	fmt.Fprintf(e.stdout, "date       %s\npos        %s\nmodifiers  %s\n", dos.Format(time.DateOnly), pos, mods)
	if r := d.Rule; r != nil {
		src := r.Source
		if src == "" {
			src = r.Note
		}
		if r.Confidence != "" {
			src += " [" + r.Confidence + "]"
		}
		if !r.Checked.IsZero() {
			src += ", checked " + r.Checked.Format(time.DateOnly)
		}
		fmt.Fprintf(e.stdout, "rule       %s\n", src)
	}
	for _, w := range d.Warnings {
		fmt.Fprintf(e.stdout, "warning    %s: %s\n", w.Code, w.Message)
	}
	return exitOK
}
