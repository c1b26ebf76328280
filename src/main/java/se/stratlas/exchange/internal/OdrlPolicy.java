package se.stratlas.exchange.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.stratlas.exchange.Listing;
import se.stratlas.exchange.Purpose;

/**
 * A listing's licence as an ODRL 2.2 offer (JSON-LD): use of the file is permitted for
 * the listed purposes during the licence period; re-identifying people is prohibited, and
 * so is selling the data on unless the listing allows it. Delivered through the data API,
 * the use is constrained to that channel ({@code deliveryChannel}) and, when the listing
 * says so, to a number of rows or requests a day ({@code count} with a unit). The same
 * policy is written into the contract and checked when a bid states its purpose and at
 * every call of the data API.
 */
public final class OdrlPolicy {

	/** Stratlas's own action beside ODRL's vocabulary: re-identifying individuals. */
	static final String REIDENTIFY = "stratlas:reidentify";

	/** The delivery channel of a listing delivered through the data API. */
	static final String API = "stratlas:policyCheckedApi";

	/** The unit of a count constraint that limits the rows served a day. */
	static final String ROWS = "stratlas:rowsPerDay";

	/** The unit of a count constraint that limits the requests served a day. */
	static final String REQUESTS = "stratlas:requestsPerDay";

	private OdrlPolicy() {
	}

	public static Map<String, Object> of(Listing listing, String sellerCode) {
		Map<String, Object> policy = new LinkedHashMap<>();
		policy.put("@context", List.of("http://www.w3.org/ns/odrl.jsonld",
				Map.of("stratlas", "urn:stratlas:odrl:", "xsd", "http://www.w3.org/2001/XMLSchema#")));
		policy.put("@type", "Offer");
		policy.put("uid", "urn:stratlas:exchange:listing:" + listing.id() + ":policy");
		policy.put("profile", "urn:stratlas:exchange:rulebook");
		policy.put("assigner", "urn:stratlas:organisation:" + sellerCode);
		String target = "urn:stratlas:exchange:dataset:" + listing.datasetId() + ":file:" + listing.fileId();

		List<Map<String, Object>> constraints = new ArrayList<>();
		constraints.add(constraint("purpose", "isAnyOf", listing.purposes().stream().map(Purpose::odrl).toList()));
		constraints.add(constraint("elapsedTime", "lteq",
				Map.of("@value", "P" + listing.licenceDays() + "D", "@type", "xsd:duration")));
		if (listing.delivery() == Listing.Delivery.API) {
			constraints.add(constraint("deliveryChannel", "eq", API));
			if (listing.volume() != null) {
				Map<String, Object> count = constraint("count", "lteq",
						Map.of("@value", listing.volume().limit(), "@type", "xsd:integer"));
				count.put("unit", listing.volume().unit() == Listing.Volume.Unit.ROWS_PER_DAY ? ROWS : REQUESTS);
				constraints.add(count);
			}
		}
		Map<String, Object> use = new LinkedHashMap<>();
		use.put("target", target);
		use.put("action", "use");
		use.put("constraint", constraints);
		List<Map<String, Object>> permissions = new ArrayList<>(List.of(use));

		List<Map<String, Object>> prohibitions = new ArrayList<>();
		prohibitions.add(Map.of("target", target, "action", REIDENTIFY));
		if (listing.onwardSale()) {
			permissions.add(Map.of("target", target, "action", "sell"));
		}
		else {
			prohibitions.add(Map.of("target", target, "action", "sell"));
		}
		policy.put("permission", permissions);
		policy.put("prohibition", prohibitions);
		return policy;
	}

	private static Map<String, Object> constraint(String left, String operator, Object right) {
		Map<String, Object> constraint = new LinkedHashMap<>();
		constraint.put("leftOperand", left);
		constraint.put("operator", operator);
		constraint.put("rightOperand", right);
		return constraint;
	}

}
