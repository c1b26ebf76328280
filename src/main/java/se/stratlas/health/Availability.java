package se.stratlas.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import se.stratlas.health.internal.HealthRepository;
import se.stratlas.shared.tables.Table;
import se.stratlas.shared.tables.TableFiles;

/**
 * Which health datasets exist, which have a research link, how many applications each has
 * had, how they were decided and how long a decision took against the goal of two months
 * (H5). Counts and days only: nothing about a person, an applicant or a purpose, so the
 * overview is also open data.
 */
@Service
public class Availability {

	private final HealthCatalog catalog;

	private final AccessApplications applications;

	private final HealthRepository repository;

	Availability(HealthCatalog catalog, AccessApplications applications, HealthRepository repository) {
		this.catalog = catalog;
		this.applications = applications;
		this.repository = repository;
	}

	/** One dataset's line of the overview. */
	public record Line(long datasetId, String dataset, String source, HealthSource.ResearchLink researchLink,
			boolean synthetic, boolean marked, int applications, int approved, int refused, int open,
			@Nullable Long medianDays, boolean withinGoal) {
	}

	/** The overview, with the goal in days. */
	public record Overview(List<Line> lines, int goalDays) {
	}

	public Overview overview() {
		Map<Long, HealthSource> sources = this.catalog.sources()
			.stream()
			.collect(Collectors.toMap(HealthSource::id, s -> s));
		List<Application> all = this.repository.allApplications();
		List<Line> lines = new ArrayList<>();
		for (HealthDataset dataset : this.catalog.datasets()) {
			List<Application> mine = all.stream()
				.filter(a -> a.variables().stream().anyMatch(c -> c.datasetId() == dataset.id()))
				.toList();
			List<Long> days = mine.stream().map(Application::turnaroundDays).filter(d -> d != null).sorted().toList();
			Long median = days.isEmpty() ? null : days.size() % 2 == 1 ? days.get(days.size() / 2)
					: (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2;
			HealthSource source = sources.get(dataset.sourceId());
			lines.add(new Line(dataset.id(), dataset.title(), source.name(), source.researchLink(),
					dataset.demoNote() != null, dataset.marked(), mine.size(), count(mine, Application.Status.APPROVED),
					count(mine, Application.Status.REFUSED), (int) mine.stream().filter(a -> a.status().open()).count(),
					median, median != null && median <= AccessApplications.GOAL_DAYS));
		}
		return new Overview(lines, AccessApplications.GOAL_DAYS);
	}

	private int count(List<Application> applications, Application.Status status) {
		return (int) applications.stream().filter(a -> a.status(this.applications.today()) == status).count();
	}

	/** The overview as open data (CSV, UTF-8). */
	public byte[] csv() {
		List<List<Object>> rows = new ArrayList<>();
		for (Line l : overview().lines()) {
			rows.add(List.of(l.datasetId(), l.dataset(), l.source(), l.researchLink().name(), l.synthetic(), l.marked(),
					l.applications(), l.approved(), l.refused(), l.open(), l.medianDays() == null ? "" : l.medianDays(),
					AccessApplications.GOAL_DAYS));
		}
		Table table = new Table("halsodata",
				List.of("dataset_id", "dataset", "kalla", "forskningskoppling", "syntetisk", "under_kvalitetsgrans",
						"ansokningar", "beviljade", "avslagna", "oppna", "median_dagar_till_beslut", "mal_dagar"),
				rows);
		return TableFiles.csv(table);
	}

}
