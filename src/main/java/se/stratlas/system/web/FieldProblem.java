package se.stratlas.system.web;

/** One thing wrong in a request: the parameter, field or JSON path, and what. */
record FieldProblem(String field, String code, String message) {
}
