package se.stratlas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure: every module keeps to the dependencies it declares, every module
 * declares them (only {@code shared} is open), and the architecture overview lists
 * exactly the modules there are with exactly those dependencies, and names only types
 * that exist, so a new module, a new dependency or a renamed API cannot go undocumented.
 * A module's root package is its API: what its {@code web} package and other modules use;
 * the rest sits in its {@code internal} package, which no controller and no other module
 * may touch.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(StratlasApplication.class);

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("se.stratlas");

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

	/**
	 * Every type the overview names in code quotes ({@code `JobRunner`},
	 * {@code `strategy.StrategyLevels`}) exists: in the module named, in the sources or
	 * tests, or as a library type the sources import; a renamed or removed class cannot
	 * leave the overview stale.
	 */
	@Test
	void theOverviewNamesOnlyTypesThatExist() throws IOException {
		String text = Files.readString(Path.of("docs/architecture/overview.md"));
		Set<String> sources;
		try (var files = Files.walk(Path.of("src"))) {
			sources = files.filter(f -> f.toString().endsWith(".java"))
				.map(f -> f.getFileName().toString().replace(".java", ""))
				.collect(Collectors.toSet());
		}
		String imports;
		try (var files = Files.walk(Path.of("src/main/java"))) {
			imports = files.filter(f -> f.toString().endsWith(".java")).map(f -> {
				try {
					return Files.readString(f);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).flatMap(String::lines).filter(l -> l.startsWith("import ")).collect(Collectors.joining("\n"));
		}
		Matcher quoted = Pattern.compile("`(?:([a-z]+)\\.)?([A-Z]\\w+)`").matcher(text);
		List<String> missing = new ArrayList<>();
		int named = 0;
		while (quoted.find()) {
			named++;
			String module = quoted.group(1);
			String type = quoted.group(2);
			boolean exists = module != null
					? CLASSES.stream()
						.anyMatch(c -> c.getSimpleName().equals(type)
								&& c.getPackageName().startsWith("se.stratlas." + module))
					: sources.contains(type) || imports.contains("." + type + ";");
			if (!exists) {
				missing.add(quoted.group());
			}
		}
		assertThat(named).as("types named in the overview").isGreaterThan(5);
		assertThat(missing).as("types the overview names that do not exist").isEmpty();
	}

	@Test
	void everyDomainModuleIsPresent() {
		assertThat(this.modules.stream().map(m -> m.getIdentifier().toString()))
			.containsExactlyInAnyOrderElementsOf(List.of("accounts", "actors", "archive", "areas", "audit", "demo",
					"followup", "foresight", "exchange", "health", "indicators", "initiatives", "learning", "reports",
					"shared", "start", "strategy", "system"));
	}

	@Test
	void writesModuleDiagrams() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

	@Test
	void controllersUseOnlyTheApiOfModules() {
		noClasses().that()
			.resideInAPackage("se.stratlas..web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("se.stratlas..internal..")
			.because("a controller calls a module's API, the types of its root package")
			.check(CLASSES);
	}

	@Test
	void aModulesRootHoldsOnlyItsApi() {
		Map<String, List<String>> internal = new LinkedHashMap<>();
		for (var module : this.modules) {
			String root = module.getBasePackage().getName();
			if (!module.getIdentifier().toString().equals("shared")) {
				List<String> unused = notApi(root);
				if (!unused.isEmpty()) {
					internal.put(module.getIdentifier().toString(), unused);
				}
			}
		}
		assertThat(internal)
			.as("types in a module's root that neither its web package nor another module uses:"
					+ " move them to the module's internal package")
			.isEmpty();
	}

	/**
	 * The top-level types of a root package that nothing outside it uses, directly or
	 * through the public signature of a type that is used.
	 */
	private static List<String> notApi(String root) {
		List<JavaClass> types = CLASSES.stream()
			.filter(type -> type.getPackageName().equals(root) && type.isTopLevelClass()
					&& !type.getSimpleName().equals("package-info"))
			.toList();
		Set<JavaClass> api = new HashSet<>();
		for (JavaClass type : types) {
			if (usedFromOutside(type, root)) {
				api.add(type);
			}
		}
		boolean grew = true;
		while (grew) {
			grew = false;
			for (JavaClass type : List.copyOf(api)) {
				for (JavaClass used : publicSignatureTypes(type)) {
					if (used.getPackageName().equals(root) && types.contains(used) && api.add(used)) {
						grew = true;
					}
				}
			}
		}
		return types.stream().filter(type -> !api.contains(type)).map(JavaClass::getSimpleName).sorted().toList();
	}

	private static boolean usedFromOutside(JavaClass type, String root) {
		return CLASSES.stream()
			.filter(member -> topLevel(member).equals(type))
			.flatMap(member -> member.getDirectDependenciesToSelf().stream())
			.anyMatch(dependency -> !dependency.getOriginClass().getPackageName().equals(root));
	}

	private static Set<JavaClass> publicSignatureTypes(JavaClass type) {
		Set<JavaClass> used = new HashSet<>();
		for (JavaClass member : CLASSES.stream().filter(c -> topLevel(c).equals(type)).toList()) {
			member.getMethods()
				.stream()
				.filter(method -> method.getModifiers().contains(JavaModifier.PUBLIC))
				.forEach(method -> {
					used.addAll(method.getReturnType().getAllInvolvedRawTypes());
					method.getParameterTypes().forEach(parameter -> used.addAll(parameter.getAllInvolvedRawTypes()));
				});
			member.getConstructors()
				.stream()
				.filter(constructor -> constructor.getModifiers().contains(JavaModifier.PUBLIC))
				.forEach(constructor -> constructor.getParameterTypes()
					.forEach(parameter -> used.addAll(parameter.getAllInvolvedRawTypes())));
		}
		return used.stream().map(ModularityTests::topLevel).collect(Collectors.toSet());
	}

	private static JavaClass topLevel(JavaClass type) {
		JavaClass top = type;
		while (top.getEnclosingClass().isPresent()) {
			top = top.getEnclosingClass().get();
		}
		return top;
	}

}
