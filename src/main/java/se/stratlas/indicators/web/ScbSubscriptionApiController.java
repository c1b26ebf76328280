package se.stratlas.indicators.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.indicators.ScbSubscriptions;

/**
 * The organisation's SCB subscriptions in the JSON API: the tables fetched again every
 * night, and ending one (subscribing is {@code POST /indicators/import/scb} on the import
 * page).
 */
@RestController
@RequestMapping("/api/indicators/scb-subscriptions")
@Tag(name = "Indicators")
class ScbSubscriptionApiController {

	private final ScbSubscriptions subscriptions;

	ScbSubscriptionApiController(ScbSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping
	@PreAuthorize("hasRole('STRATEGIST')")
	@Operation(operationId = "scbSubscriptions", summary = "The SCB tables and selections fetched again every night")
	List<ScbSubscriptions.Subscription> subscriptions(@AuthenticationPrincipal StratlasPrincipal user) {
		return this.subscriptions.list(user.organisationId());
	}

	@DeleteMapping("/{subscriptionId}")
	@PreAuthorize("hasRole('STRATEGIST')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteScbSubscription", summary = "Ends a subscription; the values already fetched stay")
	void unsubscribe(@AuthenticationPrincipal StratlasPrincipal user, @PathVariable long subscriptionId) {
		this.subscriptions.unsubscribe(user.organisationId(), subscriptionId);
	}

}
