package se.stratlas.exchange;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.Organisations;
import se.stratlas.accounts.Role;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.accounts.UserAccounts;
import se.stratlas.accounts.UserAdministration;

/**
 * The parties of an exchange test on the real database: a new organisation with a
 * strategist who has accepted the rulebook, and a listing sold to one bid.
 */
final class Parties {

	private Parties() {
	}

	/**
	 * A new organisation of the name, and its strategist, who has accepted the rulebook.
	 */
	static StratlasPrincipal strategist(ApplicationContext context, String name) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Organisation org = context.getBean(Organisations.class).ensure("party-" + run, name);
		String username = "party." + run;
		context.getBean(UserAdministration.class)
			.create(org.id(), new UserAccounts.NewUser(username, name, null, EnumSet.of(Role.STRATEGIST),
					"party-password-" + run), null, "test");
		StratlasPrincipal user = (StratlasPrincipal) context.getBean(UserDetailsService.class)
			.loadUserByUsername(username);
		context.getBean(Rulebook.class).accept(user);
		return user;
	}

	/** A reader in the organisation of the given user. */
	static StratlasPrincipal reader(ApplicationContext context, StratlasPrincipal colleague) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String username = "reader." + run;
		context.getBean(UserAdministration.class)
			.create(colleague.organisationId(), new UserAccounts.NewUser(username, "Läsare " + run, null,
					EnumSet.of(Role.READER), "reader-password-" + run), null, "test");
		return (StratlasPrincipal) context.getBean(UserDetailsService.class).loadUserByUsername(username);
	}

	/**
	 * Lists the dataset, takes the buyer's bid for research, moves the deadline into the
	 * past and closes the listing; the deal.
	 */
	static Deal sold(ApplicationContext context, StratlasPrincipal seller, long datasetId, StratlasPrincipal buyer,
			ListingDraft draft, BigDecimal amount) {
		Auctions auctions = context.getBean(Auctions.class);
		Listing listing = auctions.list(seller, datasetId, draft);
		auctions.bid(buyer, listing.id(), new Auctions.BidDraft(amount, Purpose.RESEARCH));
		context.getBean(JdbcClient.class)
			.sql("update exchange_listing set closes_at = now() - interval '1 second' where id = :id")
			.param("id", listing.id())
			.update();
		return auctions.close(listing.id())
			.or(() -> context.getBean(Deals.class)
				.deals(buyer)
				.stream()
				.filter(d -> d.listingId() == listing.id())
				.findFirst())
			.orElseThrow();
	}

}
