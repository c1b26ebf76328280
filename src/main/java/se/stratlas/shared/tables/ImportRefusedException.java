package se.stratlas.shared.tables;

import java.util.List;

/** An import file could not be imported; nothing was saved. */
public class ImportRefusedException extends RuntimeException {

	private final transient List<ImportProblem> problems;

	public ImportRefusedException(List<ImportProblem> problems) {
		super(problems.size() + " problem(s) in the import file");
		this.problems = List.copyOf(problems);
	}

	public List<ImportProblem> problems() {
		return this.problems;
	}

}
