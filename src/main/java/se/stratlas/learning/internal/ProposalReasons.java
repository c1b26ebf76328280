package se.stratlas.learning.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.stratlas.learning.RevisionProposals;
import se.stratlas.strategy.ChangeReasons;

/**
 * The decided revision proposals as the reasons for the changes of the version they were
 * applied to, for the strategy's version comparison.
 */
@Component
class ProposalReasons implements ChangeReasons {

	private final RevisionProposals proposals;

	ProposalReasons(RevisionProposals proposals) {
		this.proposals = proposals;
	}

	@Override
	public Map<UUID, List<Reason>> reasons(long organisationId, long versionId) {
		Map<UUID, List<Reason>> reasons = new LinkedHashMap<>();
		this.proposals.appliedTo(organisationId, versionId)
			.forEach((key, list) -> reasons.put(key,
					list.stream()
						.map(p -> new Reason(p.title(), p.motivation(),
								"/learning/strategies/" + p.strategyId() + "/revision?version=" + versionId))
						.toList()));
		return reasons;
	}

}
