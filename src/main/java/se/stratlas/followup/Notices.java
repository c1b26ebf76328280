package se.stratlas.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.RoleHierarchyRules;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccount;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.followup.Kinds.CycleState;
import se.stratlas.followup.internal.FollowupRepository;
import se.stratlas.followup.internal.Notice;

/**
 * In-app notices and reminders. Before a deadline
 * ({@code stratlas.followup.reminder-days}, 3 by default) and after it, the responsible
 * person (or, when none is named, the unit's rapportörer) gets a reminder for each text
 * not yet marked ready, once; returned and approved texts are told to their writer. When
 * SMTP is configured ({@code spring.mail.host}) each notice is also e-mailed to users
 * with an address.
 */
@Component
@Transactional
public class Notices {

	private static final Logger log = LoggerFactory.getLogger(Notices.class);

	private final FollowupRepository repository;

	private final UserAccounts users;

	private final Organisations organisations;

	private final ObjectProvider<JavaMailSender> mail;

	private final Environment environment;

	private final Clock clock;

	Notices(FollowupRepository repository, UserAccounts users, Organisations organisations,
			ObjectProvider<JavaMailSender> mail, Environment environment, Optional<Clock> clock) {
		this.repository = repository;
		this.users = users;
		this.organisations = organisations;
		this.mail = mail;
		this.environment = environment;
		this.clock = clock.orElse(Clock.systemDefaultZone());
	}

	/** Tells the writer of a contribution about a review decision. */
	void tell(Contribution contribution, Notice.Kind kind, String message) {
		Map<String, UserAccount> byName = this.users.list(contribution.organisationId())
			.stream()
			.collect(Collectors.toMap(UserAccount::username, Function.identity()));
		List<UserAccount> recipients = new ArrayList<>();
		this.users.list(contribution.organisationId())
			.stream()
			.filter(u -> contribution.responsibleUserId() != null && u.id() == contribution.responsibleUserId())
			.forEach(recipients::add);
		UserAccount writer = byName.get(contribution.updatedBy());
		if (writer != null && recipients.stream().noneMatch(u -> u.id() == writer.id())) {
			recipients.add(writer);
		}
		for (UserAccount user : recipients) {
			insert(user, contribution, kind, null, message);
		}
	}

	/**
	 * Sends the reminders that are due today; each one once. Returns how many were new.
	 */
	public int remind(LocalDate today) {
		int days = this.environment.getProperty("stratlas.followup.reminder-days", Integer.class, 3);
		int sent = 0;
		for (Organisation organisation : this.organisations.all()) {
			List<UserAccount> accounts = this.users.list(organisation.id())
				.stream()
				.filter(UserAccount::enabled)
				.toList();
			for (Cycle cycle : this.repository.cycles(organisation.id())) {
				if (cycle.state() != CycleState.OPEN && cycle.state() != CycleState.REVIEW) {
					continue;
				}
				for (Contribution c : this.repository.contributions(cycle.id())) {
					if (c.dueOn() == null || !Cycles.OPEN_STATES.contains(c.state())) {
						continue;
					}
					Notice.Kind kind = today.isAfter(c.dueOn()) ? Notice.Kind.OVERDUE
							: !today.plusDays(days).isBefore(c.dueOn()) ? Notice.Kind.DUE_SOON : null;
					if (kind == null) {
						continue;
					}
					String section = this.repository.section(cycle.id(), c.sectionId()).title();
					for (UserAccount user : recipients(c, accounts)) {
						if (insert(user, c, kind, c.dueOn(), cycle.name() + ": " + section + " (" + c.dueOn() + ")")) {
							sent++;
						}
					}
				}
			}
		}
		if (sent > 0) {
			log.info("Follow-up reminders: {} new", sent);
		}
		return sent;
	}

	@Scheduled(cron = "${stratlas.followup.reminder-cron:0 0 7 * * *}")
	void scheduled() {
		remind(LocalDate.now(this.clock));
	}

	private static List<UserAccount> recipients(Contribution c, List<UserAccount> accounts) {
		if (c.responsibleUserId() != null) {
			return accounts.stream().filter(u -> u.id() == c.responsibleUserId()).toList();
		}
		return accounts.stream()
			.filter(u -> c.unitId() == (u.unitId() == null ? -1 : u.unitId())
					&& u.roles().stream().anyMatch(r -> RoleHierarchyRules.implies(r, Role.REPORTER)))
			.toList();
	}

	private boolean insert(UserAccount user, Contribution contribution, Notice.Kind kind, LocalDate dueOn,
			String message) {
		Optional<Long> id = this.repository.jdbc()
			.sql("""
					insert into followup_notice (organisation_id, user_id, contribution_id, kind, due_on, message)
					values (:org, :user, :contribution, :kind, :due, :message)
					on conflict (user_id, contribution_id, kind, due_on) where kind in ('DUE_SOON', 'OVERDUE') do nothing
					returning id""")
			.param("org", contribution.organisationId())
			.param("user", user.id())
			.param("contribution", contribution.id())
			.param("kind", kind.name())
			.param("due", dueOn)
			.param("message", message)
			.query(Long.class)
			.optional();
		id.ifPresent(notice -> email(user, notice, kind, message));
		return id.isPresent();
	}

	private void email(UserAccount user, long noticeId, Notice.Kind kind, String message) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null || user.email() == null || user.email().isBlank()) {
			return;
		}
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.environment.getProperty("stratlas.followup.mail-from", "stratlas@localhost"));
		mail.setTo(user.email());
		mail.setSubject("Stratlas: " + subject(kind));
		mail.setText(message + "\n\n" + this.environment.getProperty("stratlas.base-url", "") + "/followup/tasks");
		try {
			sender.send(mail);
			this.repository.jdbc()
				.sql("update followup_notice set emailed_at = now() where id = :id")
				.param("id", noticeId)
				.update();
		}
		catch (MailException ex) {
			// The in-app notice stands; the mail server's trouble is logged, not the
			// user's.
			log.warn("Could not e-mail notice {} to {}: {}", noticeId, user.username(), ex.getMessage());
		}
	}

	private static String subject(Notice.Kind kind) {
		return switch (kind) {
			case DUE_SOON -> "sista dag för inrapportering närmar sig";
			case OVERDUE -> "inrapporteringen är försenad";
			case RETURNED -> "din text har återremitterats";
			case APPROVED -> "din text har godkänts";
			case ASSIGNED -> "du har fått ett uppdrag";
		};
	}

	@Transactional(readOnly = true)
	public List<Notice> list(StratlasPrincipal user) {
		return this.repository.jdbc()
			.sql("select * from followup_notice where user_id = :user and organisation_id = :org order by created_at desc, id desc limit 100")
			.param("user", user.userId())
			.param("org", user.organisationId())
			.query(FollowupRepository.NOTICE)
			.list();
	}

	@Transactional(readOnly = true)
	public int unread(StratlasPrincipal user) {
		return this.repository.jdbc()
			.sql("select count(*) from followup_notice where user_id = :user and read_at is null")
			.param("user", user.userId())
			.query(Integer.class)
			.single();
	}

	/** Marks the user's notices read. */
	public void markRead(StratlasPrincipal user) {
		this.repository.jdbc()
			.sql("update followup_notice set read_at = now() where user_id = :user and read_at is null")
			.param("user", user.userId())
			.update();
	}

}
