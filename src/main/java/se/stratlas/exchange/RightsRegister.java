package se.stratlas.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.audit.AuditTrail;
import se.stratlas.exchange.internal.DatasetRepository;
import se.stratlas.exchange.internal.MarketRepository;
import se.stratlas.shared.Texts;
import se.stratlas.shared.ValidationException;

/**
 * The rights register: for each dataset, and for its metadata apart, who owns it and who
 * may use it on what basis. A transfer (överlåtelse) of ownership ends the giver's entry
 * and starts the receiver's, pointing back to it, so the chain from creation to today can
 * always be read; a right of use granted by a deal points to the owner's entry it comes
 * from and ends with the licence.
 */
@Service
public class RightsRegister {

	static final String TYPE = "exchange_right";

	private final DatasetRepository datasetRepository;

	private final MarketRepository marketRepository;

	private final Datasets datasets;

	private final AuditTrail audit;

	RightsRegister(DatasetRepository datasetRepository, MarketRepository marketRepository, Datasets datasets,
			AuditTrail audit) {
		this.datasetRepository = datasetRepository;
		this.marketRepository = marketRepository;
		this.datasets = datasets;
		this.audit = audit;
	}

	/** The dataset's rights, oldest first. */
	public List<Right> rights(long datasetId) {
		return this.datasetRepository.rights(datasetId);
	}

	/** The entry through which the subject is owned now. */
	public Right owner(long datasetId, Right.Subject subject, Instant at) {
		return rights(datasetId).stream()
			.filter(r -> r.subject() == subject && r.kind() == Right.Kind.OWNERSHIP && r.validAt(at))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new ValidationException("rights", "exchange.rights.noOwner"));
	}

	/** The chain that leads to an entry, from the first owner to the entry itself. */
	public List<Right> chain(long datasetId, long rightId) {
		Map<Long, Right> byId = new HashMap<>();
		rights(datasetId).forEach(r -> byId.put(r.id(), r));
		List<Right> chain = new ArrayList<>();
		Right at = byId.get(rightId);
		while (at != null && chain.size() <= byId.size()) {
			chain.addFirst(at);
			at = at.previousId() == null ? null : byId.get(at.previousId());
		}
		return chain;
	}

	/** What a steward records when the organisation gives a right to someone. */
	public record Transfer(Right.Subject subject, Right.Kind kind, Right.Basis basis, String holder, String note) {
	}

	/**
	 * Records that the organisation transfers ownership of, or grants a right to use, the
	 * dataset's data or metadata. Only the current owner can; a transfer of ownership
	 * ends the organisation's own, and of the data also its open listings (withdrawn) and
	 * its place among the open data.
	 */
	@Transactional
	public Right transfer(StratlasPrincipal user, long datasetId, Transfer transfer) {
		Dataset dataset = this.datasets.own(user, datasetId);
		if (transfer.subject() == null || transfer.kind() == null || transfer.basis() == null) {
			throw new ValidationException("subject", "validation.required");
		}
		String holder = Texts.required("holder", transfer.holder(), 200);
		String note = Texts.optional("note", transfer.note(), 1000);
		Instant now = Instant.now();
		Right owner = owner(datasetId, transfer.subject(), now);
		if (!Objects.equals(owner.holderOrganisationId(), user.organisationId())) {
			throw new ValidationException("holder", "exchange.rights.notOwner");
		}
		if (transfer.kind() == Right.Kind.OWNERSHIP) {
			this.datasetRepository.endRight(owner.id(), now);
			if (transfer.subject() == Right.Subject.DATA) {
				// Who no longer owns the data can neither sell it nor give it away: its
				// open
				// listings are withdrawn and it leaves the open-data catalogue.
				for (Listing listing : this.marketRepository.listings("l.dataset_id = :dataset and l.state = 'OPEN'",
						Map.of("dataset", datasetId))) {
					this.marketRepository.close(listing.id(), Listing.State.WITHDRAWN, null, null);
					this.audit.record(user.organisationId(), user.username(), Auctions.TYPE, listing.id(),
							"LISTING_WITHDRAWN", dataset.title(), Map.of());
				}
				this.datasetRepository.closeOpenData(datasetId);
			}
		}
		long id = this.datasetRepository
			.insertRight(new Right(0, datasetId, transfer.subject(), transfer.kind(), transfer.basis(), holder, null,
					owner.id(), null, note == null ? "" : note, now, null, now, user.username()));
		this.audit.record(user.organisationId(), user.username(), TYPE, id, "CREATED",
				dataset.title() + ": " + (transfer.kind() == Right.Kind.OWNERSHIP ? "äganderätt" : "nyttjanderätt")
						+ " till " + (transfer.subject() == Right.Subject.DATA ? "data" : "metadata") + " → " + holder,
				Map.of());
		return this.datasetRepository.rights(datasetId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

}
