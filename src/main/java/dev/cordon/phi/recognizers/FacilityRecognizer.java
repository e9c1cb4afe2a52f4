package dev.cordon.phi.recognizers;

import dev.cordon.phi.Finding;
import dev.cordon.phi.PhiRecognizer;
import dev.cordon.phi.PhiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Health-care facilities by shape rather than by list: a run of capitalised words containing a
 * facility head word ("Elm Street Clinic", "Boston General Hospital", "Chicago Med", "Westside
 * Medical", "Lakeview Nursing Home"), saints and mounts ("St. Vincent's", "Mt. Sinai"), and place
 * names after residence cues ("lives in Fresno"). Specialties ("Cardiology Clinic") and national
 * bodies ("National Cancer Institute") are not locations. Immutable and thread-safe.
 */
final class FacilityRecognizer implements PhiRecognizer {

    @Override
    public String id() {
        return "facility";
    }

    @Override
    public PhiType type() {
        return PhiType.GEOGRAPHIC_LOCATION;
    }

    @Override
    public Set<String> contextWords() {
        return Set.of("at", "admitted", "seen", "treated", "transferred", "hospital", "clinic", "facility");
    }

    @Override
    public List<Finding> recognize(CharSequence text) {
        if (text.length() > PatternRecognizer.MAX_INPUT) {
            throw new IllegalArgumentException("input of " + text.length() + " chars exceeds " + PatternRecognizer.MAX_INPUT);
        }
        WordTokens w = WordTokens.of(text);
        FacilityRuns runs = new FacilityRuns(w);
        List<Finding> out = new ArrayList<>();
        int i = 0;
        while (i < w.size()) {
            long m = runs.match(i);
            if (m == FacilityRuns.NONE) {
                i++;
                continue;
            }
            int first = FacilityRuns.firstWord(m);
            int last = FacilityRuns.lastWord(m);
            out.add(new Finding(PhiType.GEOGRAPHIC_LOCATION, w.start(first), w.end(last), FacilityRuns.score(m), id()));
            i = last + 1;
        }
        return out;
    }
}
