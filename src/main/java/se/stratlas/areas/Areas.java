package se.stratlas.areas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The areas of Sweden. Loaded at start from {@code reference/swedish_admin_areas.csv}
 * when missing; read from memory afterwards (312 rows that never change while the
 * application runs).
 */
@Component
@Order(1)
public class Areas implements ApplicationRunner {

	/** Sweden's code, as Kolada writes it. */
	public static final String SWEDEN = "0000";

	private final JdbcClient jdbc;

	private volatile Map<String, Area> byCode = Map.of();

	/** The lists derived from {@link #byCode}, made once per load. */
	private volatile Derived derived = new Derived(List.of(), List.of(), AreaOptions.of(List.of()));

	private record Derived(List<Area> counties, List<Area> municipalities, AreaOptions options) {
	}

	private final MessageSource messages;

	Areas(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		load();
	}

	/**
	 * Loads the areas that are missing; a restore needs them before the application
	 * runners run.
	 */
	@Transactional
	public void load() {
		this.jdbc
			.sql("insert into areas_area (code, name, kind) values (:c, 'Sverige', 'COUNTRY') on conflict do nothing")
			.param("c", SWEDEN)
			.update();
		for (String[] row : rows()) {
			this.jdbc.sql("""
					insert into areas_area (code, name, kind, parent_code) values (:c, :n, 'COUNTY', :p)
					on conflict (code) do nothing""").param("c", row[2]).param("n", row[3]).param("p", SWEDEN).update();
			this.jdbc.sql("""
					insert into areas_area (code, name, kind, parent_code) values (:c, :n, 'MUNICIPALITY', :p)
					on conflict (code) do nothing""").param("c", row[0]).param("n", row[1]).param("p", row[2]).update();
		}
		reload();
	}

	void reload() {
		Map<String, Area> areas = new LinkedHashMap<>();
		this.jdbc.sql("select code, name, kind, parent_code from areas_area order by kind, code")
			.query((rs, row) -> new Area(rs.getString("code"), rs.getString("name"),
					Area.Kind.valueOf(rs.getString("kind")), rs.getString("parent_code")))
			.list()
			.forEach(a -> areas.put(a.code(), a));
		this.byCode = Map.copyOf(areas);
		List<Area> counties = of(Area.Kind.COUNTY);
		List<Area> municipalities = of(Area.Kind.MUNICIPALITY);
		List<Area> choosable = new ArrayList<>();
		find(SWEDEN).ifPresent(choosable::add);
		choosable.addAll(counties);
		choosable.addAll(municipalities);
		this.derived = new Derived(counties, municipalities, AreaOptions.of(choosable));
	}

	/** Grouped options per home county and labels: at most 21 × the languages. */
	private final Map<String, AreaOptions> grouped = new ConcurrentHashMap<>();

	public Optional<Area> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	public boolean exists(String code) {
		return this.byCode.containsKey(code);
	}

	/** The name of the area, or the code itself when unknown. */
	public String name(String code) {
		Area area = this.byCode.get(code);
		return area == null ? code : area.name();
	}

	/** The counties by name. */
	public List<Area> counties() {
		return this.derived.counties();
	}

	/** The municipalities by name. */
	public List<Area> municipalities() {
		return this.derived.municipalities();
	}

	/**
	 * The options of a select of areas (Sweden, the counties, the municipalities) with
	 * one area, or none when {@code null}, selected; for templates:
	 * {@code th:utext="${@areas.options(area)}"}.
	 */
	public String options(String selected) {
		return this.derived.options().html(selected == null ? List.of() : List.of(selected));
	}

	/** The options of a multiple select of areas with the given ones selected. */
	public String optionsSelecting(Collection<String> selected) {
		return this.derived.options().html(selected == null ? List.of() : selected);
	}

	/**
	 * The county an area lies in: a county itself, a municipality's county; null for
	 * Sweden or an unknown code.
	 */
	public String countyOf(String code) {
		Area area = this.byCode.get(code);
		if (area == null || area.kind() == Area.Kind.COUNTRY) {
			return null;
		}
		return area.kind() == Area.Kind.COUNTY ? area.code() : area.parentCode();
	}

	/**
	 * The home area and the areas an organisation of it works with: its county and the
	 * county's municipalities (a municipality's county too); Sweden alone when there is
	 * none.
	 */
	public List<Area> homeAreas(String home) {
		String county = home == null ? null : countyOf(home);
		if (county == null) {
			return find(SWEDEN).map(List::of).orElse(List.of());
		}
		List<Area> areas = new ArrayList<>();
		find(county).ifPresent(areas::add);
		areas.addAll(municipalitiesOf(county));
		return List.copyOf(areas);
	}

	/**
	 * A select's options with the home county and its municipalities first (after
	 * Sweden), then every other area; {@code selected} marked; the groups' labels in the
	 * locale.
	 */
	public String optionsFor(String home, Collection<String> selected, Locale locale) {
		String homeLabel = this.messages.getMessage("area.home", null, locale);
		String othersLabel = this.messages.getMessage("area.others", null, locale);
		String county = home == null ? null : countyOf(home);
		if (county == null) {
			return optionsSelecting(selected);
		}
		AreaOptions options = this.grouped.computeIfAbsent(county + "|" + homeLabel + "|" + othersLabel, key -> {
			// Sweden first, on its own (a null label: no group around it).
			Map<String, List<Area>> groups = new LinkedHashMap<>();
			groups.put(null, find(SWEDEN).map(List::of).orElse(List.of()));
			groups.put(homeLabel, homeAreas(county));
			List<Area> rest = new ArrayList<>(counties());
			rest.addAll(municipalities());
			groups.put(othersLabel, rest);
			return AreaOptions.grouped(groups);
		});
		return options.html(selected == null ? List.of() : selected);
	}

	/**
	 * Checkboxes of every area for a checklist, the home county and its municipalities
	 * first, then the other counties, then the other municipalities; {@code selected}
	 * checked.
	 */
	public String checkboxesFor(String home, Collection<String> selected, String name, Locale locale) {
		String homeLabel = this.messages.getMessage("area.home", null, locale);
		String countiesLabel = this.messages.getMessage("area.counties", null, locale);
		String municipalitiesLabel = this.messages.getMessage("area.municipalities", null, locale);
		String county = home == null ? null : countyOf(home);
		AreaOptions boxes = this.grouped.computeIfAbsent(
				"boxes|" + name + "|" + county + "|" + homeLabel + "|" + countiesLabel + "|" + municipalitiesLabel,
				key -> {
					Map<String, List<Area>> groups = new LinkedHashMap<>();
					groups.put(null, find(SWEDEN).map(List::of).orElse(List.of()));
					if (county != null) {
						groups.put(homeLabel, homeAreas(county));
					}
					groups.put(countiesLabel, counties());
					groups.put(municipalitiesLabel, municipalities());
					return AreaOptions.checkboxes(name, name + "-area", groups);
				});
		return boxes.html(selected == null ? List.of() : selected);
	}

	/** The municipalities of a county, by name. */
	public List<Area> municipalitiesOf(String countyCode) {
		return this.byCode.values()
			.stream()
			.filter(a -> a.kind() == Area.Kind.MUNICIPALITY && countyCode.equals(a.parentCode()))
			.sorted(Comparator.comparing(Area::name))
			.toList();
	}

	public Collection<Area> all() {
		return this.byCode.values();
	}

	private List<Area> of(Area.Kind kind) {
		return this.byCode.values()
			.stream()
			.filter(a -> a.kind() == kind)
			.sorted(Comparator.comparing(Area::name))
			.toList();
	}

	static List<String[]> rows() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("reference/swedish_admin_areas.csv").getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
