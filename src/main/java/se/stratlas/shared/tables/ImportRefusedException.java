package se.stratlas.shared.tables;

import java.util.List;

/**
 * An import file could not be imported; nothing was saved. The API answers 422 with every
 * problem (docs/adr/2026-12-02-refusals.md).
 */
public class ImportRefusedException extends RuntimeException {

	private final transient List<ImportProblem> problems;

	public ImportRefusedException(List<ImportProblem> problems) {
		super(problems.size() + " problem(s) in the import file; nothing was imported");
		this.problems = List.copyOf(problems);
	}

	public List<ImportProblem> problems() {
		return this.problems;
	}

}
