package se.stratlas.exchange;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A deal as one user sees it: the deal, its ledger and access log, what the user may do
 * now (pay, validate the delivery or the payment, download through a freshly signed link,
 * attest deletion), the names of the ledger's accounts, and the pseudonyms of donors who
 * were covered at the close and have withdrawn their consent since (for a running deal);
 * for delivery through the data API, its volume limit and the current key's first
 * characters.
 */
public record DealView(Deal deal, List<Deal.Entry> ledger, List<Deal.Access> accesses, boolean mayPay,
		boolean mayValidateDelivery, boolean mayValidatePayment, @Nullable DownloadLink download, boolean mayAttest,
		Map<String, String> accountNames, List<String> withdrawnDonors, @Nullable ApiDelivery api) {

	public DealView {
		ledger = List.copyOf(ledger);
		accesses = List.copyOf(accesses);
		accountNames = Map.copyOf(accountNames);
		withdrawnDonors = List.copyOf(withdrawnDonors);
	}

	/**
	 * Delivery through the data API: the volume a day (none: no limit), the first
	 * characters of the current access key, and whether the user may make a new one.
	 */
	public record ApiDelivery(Listing.@Nullable Volume volume, @Nullable String keyPrefix, boolean mayIssueKey) {
	}

}
