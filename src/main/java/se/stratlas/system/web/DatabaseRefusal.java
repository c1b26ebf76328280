package se.stratlas.system.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What PostgreSQL refused, in the words of the API: the field (the column in camel case),
 * a code and a message. Length limits are check constraints named {@code
 *
<table>
 * _<column>_length} (V026), so a text over its limit names its field even when the code
 * did not check it first.
 */
record DatabaseRefusal(String sqlState, String field, String code, String message, boolean duplicate) {

	private static final Pattern LENGTH = Pattern.compile("^.+?__([a-z0-9_]+)__length$");

	private static final Pattern KEY = Pattern.compile("Key \\(([^)]*)\\)=");

	static DatabaseRefusal of(Throwable ex) {
		PSQLException psql = Problems.causedBy(ex, PSQLException.class);
		ServerErrorMessage server = psql == null ? null : psql.getServerErrorMessage();
		String state = psql == null ? "" : String.valueOf(psql.getSQLState());
		String column = server == null ? null : server.getColumn();
		String constraint = server == null ? null : server.getConstraint();
		return switch (state) {
			case "23505" -> {
				String field = "";
				Matcher key = KEY.matcher(server == null || server.getDetail() == null ? "" : server.getDetail());
				if (key.find()) {
					String[] columns = key.group(1).split(",\\s*");
					field = camel(columns[columns.length - 1]);
				}
				yield new DatabaseRefusal(state, field, "duplicate",
						"a record with this " + (field.isEmpty() ? "key" : field) + " already exists", true);
			}
			case "23514" -> {
				Matcher length = LENGTH.matcher(constraint == null ? "" : constraint);
				if (length.matches()) {
					yield new DatabaseRefusal(state, camel(length.group(1)), "tooLong", "the text is too long", false);
				}
				yield new DatabaseRefusal(state, "", "invalid", "a value breaks the rule " + constraint, false);
			}
			case "23502" -> new DatabaseRefusal(state, camel(column), "required", "is required", false);
			case "23503" ->
				new DatabaseRefusal(state, "", "reference", "refers to something that does not exist", false);
			case "22003" -> new DatabaseRefusal(state, camel(column), "outOfRange", "a number is out of range", false);
			case "22001" -> new DatabaseRefusal(state, camel(column), "tooLong", "a text is too long", false);
			case "22021", "22P05" -> new DatabaseRefusal(state, "", "character",
					"a text holds a character that cannot be stored (such as NUL)", false);
			case "22007", "22008" -> new DatabaseRefusal(state, "", "date", "a date or time is not a real one", false);
			default -> new DatabaseRefusal(state, "", "invalid", "a value cannot be stored", false);
		};
	}

	private static String camel(String column) {
		if (column == null) {
			return "";
		}
		StringBuilder field = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				field.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return field.toString();
	}

}
