package se.stratlas.strategy.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.strategy.ElementDraft;
import se.stratlas.strategy.ElementType;
import se.stratlas.strategy.StrategyElement;
import se.stratlas.strategy.StrategyStatus;
import se.stratlas.strategy.StrategyVersion;

/**
 * Agenda 2030 ships as a reference framework in the same model as the strategies: a
 * strategy of no organisation whose goals (mål) hold their targets (delmål). Loaded at
 * start when missing; element keys derive from the codes, so they are the same in every
 * instance and links to them survive export and import.
 */
@Component
@Order(5)
public class ReferenceFrameworks implements ApplicationRunner {

	static final String AGENDA_2030 = "AGENDA2030";

	private final StrategyRepository repository;

	ReferenceFrameworks(StrategyRepository repository) {
		this.repository = repository;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		long versionId = this.repository.strategyByCode(null, AGENDA_2030)
			.flatMap(strategy -> this.repository.latestVersion(strategy.id()))
			.map(StrategyVersion::id)
			.orElseGet(this::createAgenda2030);
		Map<String, StrategyElement> byCode = new HashMap<>();
		this.repository.elements(versionId).forEach(e -> byCode.put(e.code(), e));
		for (String[] row : rows()) {
			String code = row[0];
			if (byCode.containsKey(code)) {
				continue;
			}
			boolean target = code.contains(".");
			StrategyElement parent = target ? byCode.get(code.substring(0, code.indexOf('.'))) : null;
			ElementDraft draft = new ElementDraft(target ? ElementType.TARGET : ElementType.GOAL, code, row[1],
					row.length > 2 ? row[2] : null, null, null, List.of());
			long elementId = this.repository.insertElement(versionId, key(code), parent, draft,
					this.repository.nextSortOrder(versionId, parent == null ? null : parent.id()), "system");
			byCode.put(code, this.repository.element(elementId).orElseThrow());
		}
	}

	private long createAgenda2030() {
		long id = this.repository.jdbc()
			.sql("""
					insert into strategy_strategy (organisation_id, kind, code, name_sv, name_en, description_sv,
					period_start, period_end, published, created_by, updated_by)
					values (null, 'FRAMEWORK', :code, 'Agenda 2030 – de globala målen för hållbar utveckling',
					'The 2030 Agenda – the Sustainable Development Goals',
					'FN:s 17 globala mål och 169 delmål för hållbar utveckling, antagna av FN:s generalförsamling 2015. Delmålen står i korta svenska former skrivna för Stratlas, inte i den officiella översättningen.',
					2016, 2030, true, 'system', 'system') returning id""")
			.param("code", AGENDA_2030)
			.query(Long.class)
			.single();
		return this.repository.insertVersion(id, 1, "Resolution A/RES/70/1", StrategyStatus.ANTAGEN,
				"FN:s generalförsamling", LocalDate.of(2015, 9, 25), null, "system");
	}

	static UUID key(String code) {
		return UUID.nameUUIDFromBytes(("agenda2030:" + code).getBytes(StandardCharsets.UTF_8));
	}

	/** The 17 global goals' Swedish names by number ("1" → "Ingen fattigdom"). */
	public static Map<String, String> agenda2030Goals() {
		Map<String, String> goals = new LinkedHashMap<>();
		for (String[] row : rows()) {
			if (!row[0].contains(".")) {
				goals.put(row[0], row[1]);
			}
		}
		return goals;
	}

	static List<String[]> rows() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("reference/agenda2030.tsv").getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.map(line -> line.split("\t"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
