package se.stratlas.initiatives;

import java.util.List;

import se.stratlas.initiatives.Parts.Assessment;

/** An application, its assessments and whether its gate is open. */
public record ApplicationDetails(Application application, List<Assessment> assessments, Applications.GateCheck gate) {
}
