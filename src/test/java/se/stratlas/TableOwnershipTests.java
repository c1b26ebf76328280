package se.stratlas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the SQL is (ADR 2026-12-03): every table is named after the module that owns it,
 * a module's SQL names only its own tables (the archive, which backs up an organisation's
 * every table, is the one exception), and no controller runs SQL.
 */
class TableOwnershipTests {

	private static final Path MAIN = Path.of("src/main/java/se/stratlas");

	/** Tables that belong to a library, not to a module. */
	private static final Set<String> LIBRARY_TABLES = Set.of("spring_session", "spring_session_attributes");

	private static final Pattern CREATE = Pattern.compile("(?i)create table (?:if not exists )?(\\w+)");

	private static final Pattern SQL_TABLE = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+([a-z_]+)\\b");

	@Test
	void everyTableIsNamedAfterTheModuleThatOwnsIt() throws IOException {
		Set<String> modules = modules();
		for (String table : tables()) {
			assertThat(LIBRARY_TABLES.contains(table) || modules.contains(owner(table)))
				.as(table + " starts with the name of a module")
				.isTrue();
		}
	}

	@Test
	void aModuleQueriesOnlyItsOwnTables() throws IOException {
		Set<String> tables = tables();
		List<String> foreign = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
				String module = MAIN.relativize(file).getName(0).toString();
				if (!module.equals("archive")) {
					foreign.addAll(foreignTables(module, file.toString(), read(file), tables));
				}
			});
		}
		assertThat(foreign).as("queries on another module's tables: call the owner's API instead").isEmpty();
	}

	@Test
	void theRuleFindsAQueryOnAnotherModulesTable() throws IOException {
		String source = "jdbc.sql(\"select a.name from initiatives_initiative i join actors_actor a on a.id = i.actor_id\")";
		assertThat(foreignTables("initiatives", "Example.java", source, tables()))
			.containsExactly("Example.java: actors_actor");
	}

	@Test
	void noControllerRunsSql() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			List<Path> web = files
				.filter(file -> file.toString().contains("/web/") && file.toString().endsWith(".java"))
				.filter(file -> read(file).contains("JdbcClient"))
				.toList();
			assertThat(web).as("controllers that run SQL").isEmpty();
		}
	}

	static List<String> foreignTables(String module, String file, String source, Set<String> tables) {
		List<String> foreign = new ArrayList<>();
		Matcher names = SQL_TABLE.matcher(source);
		while (names.find()) {
			String table = names.group(1).toLowerCase();
			if (tables.contains(table) && !LIBRARY_TABLES.contains(table) && !owner(table).equals(module)) {
				foreign.add(file + ": " + table);
			}
		}
		return foreign;
	}

	private static String owner(String table) {
		return table.substring(0, Math.max(0, table.indexOf('_')));
	}

	private static Set<String> modules() throws IOException {
		try (Stream<Path> dirs = Files.list(MAIN)) {
			return dirs.filter(Files::isDirectory)
				.map(dir -> dir.getFileName().toString())
				.collect(TreeSet::new, Set::add, Set::addAll);
		}
	}

	/** The tables the migrations create, renamed ones under their new names. */
	private static Set<String> tables() throws IOException {
		Set<String> tables = new TreeSet<>();
		Pattern rename = Pattern.compile("(?i)alter table (\\w+) rename to (\\w+)");
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration")).sorted()) {
			for (Path file : files.toList()) {
				String sql = read(file);
				Matcher created = CREATE.matcher(sql);
				while (created.find()) {
					tables.add(created.group(1).toLowerCase());
				}
				Matcher renamed = rename.matcher(sql);
				while (renamed.find()) {
					tables.remove(renamed.group(1).toLowerCase());
					tables.add(renamed.group(2).toLowerCase());
				}
			}
		}
		assertThat(tables).as("the migrations' tables").isNotEmpty();
		return tables;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
