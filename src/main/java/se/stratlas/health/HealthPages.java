package se.stratlas.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import se.stratlas.accounts.StratlasPrincipal;

/** What the health data screens show, each read in one call. */
@Service
public class HealthPages {

	private final HealthCatalog catalog;

	private final AccessApplications applications;

	private final Availability availability;

	HealthPages(HealthCatalog catalog, AccessApplications applications, Availability availability) {
		this.catalog = catalog;
		this.applications = applications;
		this.availability = availability;
	}

	/**
	 * The start page: sources, datasets, the availability overview and the user's
	 * applications.
	 */
	public record Home(List<HealthSource> sources, List<HealthDataset> datasets, Availability.Overview overview,
			List<Application> applications) {
	}

	/** One dataset and whether the user stewards it. */
	public record DatasetPage(HealthDataset dataset, HealthSource source, boolean steward) {
	}

	/**
	 * One application: its state today, the user's part in it, the chosen variables by
	 * dataset title, and the checks a decision needs.
	 */
	public record ApplicationPage(Application application, Application.Status status, boolean steward,
			boolean applicant, Map<String, List<String>> variables, List<Application.Check> checks) {
	}

	public Home home(StratlasPrincipal user) {
		return new Home(this.catalog.sources(), this.catalog.datasets(), this.availability.overview(),
				this.applications.mine(user));
	}

	public DatasetPage dataset(StratlasPrincipal user, long id) {
		HealthDataset dataset = this.catalog.dataset(id);
		HealthSource source = this.catalog.sources()
			.stream()
			.filter(s -> s.id() == dataset.sourceId())
			.findFirst()
			.orElseThrow();
		return new DatasetPage(dataset, source, HealthCatalog.steward(user, dataset.organisationId()));
	}

	public ApplicationPage application(StratlasPrincipal user, long id) {
		Application application = this.applications.get(user, id);
		Map<String, List<String>> variables = new LinkedHashMap<>();
		Map<Long, String> titles = new LinkedHashMap<>();
		for (Application.Chosen chosen : application.variables()) {
			String title = titles.computeIfAbsent(chosen.datasetId(), d -> this.catalog.dataset(d).title());
			variables.computeIfAbsent(title, t -> new ArrayList<>()).add(chosen.variable());
		}
		boolean applicant = application.applicantOrg() == user.organisationId()
				&& application.applicant().equals(user.username());
		return new ApplicationPage(application, application.status(this.applications.today()),
				this.applications.steward(user, application), applicant, variables,
				List.of(Application.Check.values()));
	}

	/** The datasets an application may choose from, with their variables. */
	public List<HealthDataset> choices() {
		return this.catalog.datasets();
	}

}
