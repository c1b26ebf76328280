package se.stratlas;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Contribution;
import se.stratlas.followup.Contributions;
import se.stratlas.followup.Cycle;
import se.stratlas.followup.CycleSections;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Kinds.CycleKind;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.Kinds.SectionKind;
import se.stratlas.followup.Section;
import se.stratlas.indicators.IndicatorDefinition;
import se.stratlas.indicators.IndicatorKinds.Kind;
import se.stratlas.indicators.IndicatorKinds.Polarity;
import se.stratlas.indicators.IndicatorKinds.Sex;
import se.stratlas.indicators.IndicatorKinds.Source;
import se.stratlas.indicators.IndicatorKinds.ValueStatus;
import se.stratlas.indicators.IndicatorRegistry;
import se.stratlas.indicators.IndicatorValues;
import se.stratlas.indicators.IndicatorValue;
import se.stratlas.indicators.Period;
import se.stratlas.shared.EditConflictException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty writers at once on the same contribution and on the same indicator value: each
 * write either succeeds or is told of a conflict, and counting afterwards finds every
 * successful write, none lost.
 */
@SpringBootTest
@ActiveProfiles("test")
class ConcurrentWritersIT {

	private static final int WRITERS = 20;

	private static final int ROUNDS = 10;

	@Autowired
	Cycles cycles;

	@Autowired
	CycleSections cycleSections;

	@Autowired
	Contributions contributions;

	@Autowired
	IndicatorRegistry registry;

	@Autowired
	IndicatorValues values;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twentyWritersOnOneTextLoseNothing() throws Exception {
		StratlasPrincipal strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		Cycle cycle = this.cycles.create(strategist, new Cycle.Draft("Samtidiga skribenter", CycleKind.CUSTOM, "2025",
				null, LocalDate.now(), LocalDate.now().plusDays(5), null, null), Cycles.Template.EMPTY, null, null);
		Section section = this.cycleSections.addSection(strategist, cycle.id(),
				new Section.Draft("Kapitel", "Samtidigt", null, SectionKind.TEXT, null, null, List.of(), null));
		this.cycleSections.assign(strategist, cycle.id(), List.of(section.id()),
				strategist.unitId() == null
						? this.jdbc.sql("select min(id) from accounts_unit where organisation_id = :org")
							.param("org", strategist.organisationId())
							.query(Long.class)
							.single()
						: strategist.unitId(),
				null, null);
		Cycle current = this.cycles.get(strategist.organisationId(), cycle.id());
		this.cycles.transition(strategist, cycle.id(), current.version(), CycleState.OPEN);
		long id = this.cycles.contributions(strategist.organisationId(), cycle.id()).getFirst().id();

		AtomicInteger saved = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		List<String> savedLines = java.util.Collections.synchronizedList(new ArrayList<>());
		run(writer -> {
			for (int round = 0; round < ROUNDS; round++) {
				Contribution before = this.contributions.get(strategist.organisationId(), id);
				String line = "skribent " + writer + " runda " + round;
				String body = before.body().isEmpty() ? line : before.body() + "\n" + line;
				try {
					this.contributions.save(strategist, id, before.version(), before.revision(), body, null, false);
					saved.incrementAndGet();
					savedLines.add(line);
				}
				catch (EditConflictException conflict) {
					conflicts.incrementAndGet();
				}
			}
		});

		assertThat(saved.get() + conflicts.get()).isEqualTo(WRITERS * ROUNDS);
		assertThat(saved.get()).isPositive();
		Contribution after = this.contributions.get(strategist.organisationId(), id);
		assertThat(after.body().lines().toList()).as("every saved line is in the text, once")
			.containsExactlyInAnyOrderElementsOf(savedLines);
		assertThat(after.revision()).isEqualTo(saved.get());
		int conflictCopies = this.jdbc
			.sql("select count(*) from followup_revision where contribution_id = :id and kind = 'CONFLICT_COPY'")
			.param("id", id)
			.query(Integer.class)
			.single();
		assertThat(conflictCopies).as("every refused save kept as a conflict copy").isEqualTo(conflicts.get());
		System.out.println("ConcurrentWritersIT text: " + saved + " saved, " + conflicts + " conflicts");
	}

	@Test
	void twentyWritersOnOneIndicatorValueLoseNothing() throws Exception {
		long organisation = this.jdbc.sql("select id from accounts_organisation where code = 'vasterbotten'")
			.query(Long.class)
			.single();
		IndicatorDefinition indicator = this.registry.define(organisation,
				new IndicatorDefinition.Draft("SAMTIDIGT", "Samtidiga skrivningar", null, null, "st", 0,
						Polarity.NEUTRAL, Kind.KONTEXT, Source.OWN, null, false, null, null, null),
				"test");
		Set<Double> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
		run(writer -> {
			for (int round = 0; round < ROUNDS; round++) {
				double value = writer * 1000 + round;
				this.values.store(List.of(new IndicatorValue.Incoming(indicator.id(), "2480", Period.year(2025), Sex.T,
						value, null, ValueStatus.PRELIMINAR)), "samtidigt test", null);
				written.add(value);
			}
		});
		assertThat(written).hasSize(WRITERS * ROUNDS);
		Set<Double> kept = new HashSet<>(this.jdbc
			.sql("select value from indicators_value_history where indicator_id = :id union all "
					+ "select value from indicators_value where indicator_id = :id")
			.param("id", indicator.id())
			.query(Double.class)
			.list());
		int rows = this.jdbc
			.sql("select (select count(*) from indicators_value_history where indicator_id = :id)"
					+ " + (select count(*) from indicators_value where indicator_id = :id)")
			.param("id", indicator.id())
			.query(Integer.class)
			.single();
		assertThat(rows).as("the current value and one history row per replaced value").isEqualTo(WRITERS * ROUNDS);
		assertThat(kept).isEqualTo(written);
	}

	interface Writer {

		void write(int writer) throws Exception;

	}

	private static void run(Writer work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				futures.add(pool.submit(() -> {
					start.await();
					work.write(writer);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
