package se.stratlas.followup;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.OrganisationUnits;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.internal.Notice;

/**
 * A user's to-do list in one piece: the texts to write or review, the notices (and how
 * many are unread) and the names of the units the texts belong to.
 */
@Component
@Transactional(readOnly = true)
public class TaskList {

	/** What the to-do list shows. */
	public record Page(List<Contributions.Task> tasks, List<Notice> notices, int unread, Map<Long, String> unitNames) {
	}

	private final Contributions contributions;

	private final Notices notices;

	private final OrganisationUnits units;

	TaskList(Contributions contributions, Notices notices, OrganisationUnits units) {
		this.contributions = contributions;
		this.notices = notices;
		this.units = units;
	}

	public Page page(StratlasPrincipal user) {
		return new Page(this.contributions.tasks(user), this.notices.list(user), this.notices.unread(user),
				this.units.names(user.organisationId()));
	}

}
