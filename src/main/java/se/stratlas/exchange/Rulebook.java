package se.stratlas.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditTrail;
import se.stratlas.exchange.internal.LedgerRepository;
import se.stratlas.shared.ValidationException;

/**
 * The exchange's general terms, which every participant accepts once per version, so that
 * a deal needs only its own specific terms (as Sitra's IHAN rulebook replaces bilateral
 * agreements).
 */
@Service
public class Rulebook {

	static final String TYPE = "exchange_rulebook";

	/** The terms in force. */
	public record Terms(int version, LocalDate effectiveFrom, String title, String body) {
	}

	/** The terms and whether, and when, the user accepted them. */
	public record Standing(Terms terms, Optional<Instant> acceptedAt) {

		public boolean accepted() {
			return this.acceptedAt.isPresent();
		}

	}

	private final LedgerRepository ledgerRepository;

	private final AuditTrail audit;

	Rulebook(LedgerRepository ledgerRepository, AuditTrail audit) {
		this.ledgerRepository = ledgerRepository;
		this.audit = audit;
	}

	public Terms current() {
		LedgerRepository.RulebookRow row = this.ledgerRepository.rulebook();
		return new Terms(row.version(), row.effectiveFrom(), row.title(), row.body());
	}

	public Standing standing(StratlasPrincipal user) {
		Terms terms = current();
		return new Standing(terms,
				this.ledgerRepository.accepted(user.organisationId(), user.username(), terms.version()));
	}

	@Transactional
	public Standing accept(StratlasPrincipal user) {
		Terms terms = current();
		if (this.ledgerRepository.accepted(user.organisationId(), user.username(), terms.version()).isEmpty()) {
			this.ledgerRepository.accept(user.organisationId(), user.username(), terms.version());
			this.audit.record(user.organisationId(), user.username(), TYPE, terms.version(), "ACCEPTED",
					terms.title() + " " + terms.version(), Map.of());
		}
		return standing(user);
	}

	/**
	 * Refuses a step in the exchange by a user who has not accepted the terms in force.
	 */
	void require(StratlasPrincipal user) {
		if (!standing(user).accepted()) {
			throw new ValidationException("rulebook", "exchange.rulebook.required");
		}
	}

}
