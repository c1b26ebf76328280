package se.stratlas.indicators;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.areas.Area;
import se.stratlas.areas.Areas;
import se.stratlas.shared.NotFoundException;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * User-defined groups of areas (the inland municipalities, "Region 10", similar
 * municipalities), to compare an area with. A group's value is the unweighted mean of its
 * members that have one.
 */
@Component
public class AreaGroups {

	private final JdbcClient jdbc;

	private final Areas areas;

	AreaGroups(JdbcClient jdbc, Areas areas) {
		this.jdbc = jdbc;
		this.areas = areas;
	}

	/** A group and its members' codes. */
	public record AreaGroup(long id, String name, List<String> areaCodes) {
	}

	@Transactional(readOnly = true)
	public List<AreaGroup> list(long organisationId) {
		return this.jdbc.sql("select * from indicators_area_group where organisation_id = :org order by name")
			.param("org", organisationId)
			.query((rs, row) -> {
				Array codes = rs.getArray("area_codes");
				return new AreaGroup(rs.getLong("id"), rs.getString("name"),
						Arrays.asList((String[]) codes.getArray()));
			})
			.list();
	}

	/**
	 * The groups screen: the organisation's groups, the municipalities to pick, every
	 * area's name.
	 */
	public record GroupsPage(List<AreaGroup> groups, List<Area> municipalities, Map<String, String> areaNames) {
	}

	@Transactional(readOnly = true)
	public GroupsPage page(long organisationId) {
		return new GroupsPage(list(organisationId), this.areas.municipalities(),
				this.areas.all().stream().collect(Collectors.toMap(Area::code, Area::name)));
	}

	@Transactional(readOnly = true)
	public AreaGroup get(long organisationId, long id) {
		return list(organisationId).stream()
			.filter(g -> g.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("group", id));
	}

	@Transactional
	public AreaGroup create(long organisationId, String name, List<String> areaCodes, String actor) {
		String clean = Texts.clean(name);
		if (clean == null) {
			throw new ValidationException("name", "validation.required");
		}
		List<String> codes = areaCodes == null ? List.of()
				: areaCodes.stream().map(Texts::clean).filter(Objects::nonNull).distinct().toList();
		if (codes.size() < 2) {
			throw new ValidationException("areaCodes", "group.tooFew");
		}
		for (String code : codes) {
			if (!this.areas.exists(code)) {
				throw new ValidationException("areaCodes", "area.unknown", code);
			}
		}
		if (list(organisationId).stream().anyMatch(g -> g.name().equalsIgnoreCase(clean))) {
			throw new ValidationException("name", "group.name.taken");
		}
		long id = this.jdbc.sql("""
				insert into indicators_area_group (organisation_id, name, area_codes, created_by)
				values (:org, :name, :codes, :actor) returning id""")
			.param("org", organisationId)
			.param("name", clean)
			.param("codes", codes.toArray(String[]::new))
			.param("actor", actor)
			.query(Long.class)
			.single();
		return get(organisationId, id);
	}

}
