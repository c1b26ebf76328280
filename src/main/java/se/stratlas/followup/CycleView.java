package se.stratlas.followup;

import java.util.List;

/** A cycle with its template and who answers what. */
public record CycleView(Cycle cycle, List<Section> sections, List<Contribution> contributions,
		List<Cycles.UnitProgress> progress) {
}
