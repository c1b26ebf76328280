package se.stratlas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure: every module keeps to the dependencies it declares, every module
 * declares them (only {@code shared} is open), and the architecture overview lists
 * exactly the modules there are with exactly those dependencies, so a new module or a new
 * dependency cannot go undocumented.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(StratlasApplication.class);

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		this.modules.verify();
	}

	@Test
	void everyModuleDeclaresWhatItMayUseAndTheOverviewSaysTheSame() throws Exception {
		Map<String, Set<String>> declared = new LinkedHashMap<>();
		for (var module : this.modules) {
			String name = module.getIdentifier().toString();
			ApplicationModule annotation = Class
				.forName(module.getBasePackage().getName() + ".package-info", false, getClass().getClassLoader())
				.getAnnotation(ApplicationModule.class);
			assertThat(annotation).as(name + " has an @ApplicationModule in its package-info").isNotNull();
			if (annotation.type() == ApplicationModule.Type.OPEN) {
				assertThat(name).as("only shared is open").isEqualTo("shared");
				declared.put(name, Set.of());
				continue;
			}
			assertThat(annotation.allowedDependencies()).as(name + " declares what it may use").isNotEmpty();
			declared.put(name, new TreeSet<>(Arrays.asList(annotation.allowedDependencies())));
		}
		assertThat(overview()).isEqualTo(declared);
	}

	/** The module table of docs/architecture/overview.md: module → what it may use. */
	private static Map<String, Set<String>> overview() throws IOException {
		String text = Files.readString(Path.of("docs/architecture/overview.md"));
		String table = text.substring(text.indexOf("<!-- modules"), text.indexOf("<!-- /modules -->"));
		Map<String, Set<String>> modules = new LinkedHashMap<>();
		Pattern row = Pattern.compile("^\\| `(\\w+)` \\|[^|]*\\| ([^|]*) \\|$", Pattern.MULTILINE);
		Pattern name = Pattern.compile("`(\\w+)`");
		Matcher rows = row.matcher(table);
		while (rows.find()) {
			Set<String> uses = new TreeSet<>();
			Matcher names = name.matcher(rows.group(2));
			while (names.find()) {
				uses.add(names.group(1));
			}
			modules.put(rows.group(1), uses);
		}
		assertThat(modules).as("the overview's module table").isNotEmpty();
		return modules;
	}

	@Test
	void everyDomainModuleIsPresent() {
		assertThat(this.modules.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrderElementsOf(
				List.of("accounts", "actors", "archive", "areas", "audit", "demo", "followup", "foresight",
						"indicators", "initiatives", "reports", "shared", "start", "strategy", "system"));
	}

	@Test
	void writesModuleDiagrams() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
