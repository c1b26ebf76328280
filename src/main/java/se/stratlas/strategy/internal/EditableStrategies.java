package se.stratlas.strategy.internal;

import java.util.Objects;

import org.springframework.stereotype.Component;

import se.stratlas.shared.ValidationException;
import se.stratlas.strategy.Strategy;
import se.stratlas.strategy.StrategyCatalog;
import se.stratlas.strategy.StrategyVersion;

/**
 * Which strategies and versions may be changed: only an organisation's own strategy (not
 * a reference framework), and of it only the latest version that is not adopted.
 */
@Component
public class EditableStrategies {

	private final StrategyRepository repository;

	private final StrategyCatalog catalog;

	EditableStrategies(StrategyRepository repository, StrategyCatalog catalog) {
		this.repository = repository;
		this.catalog = catalog;
	}

	/** The organisation's own strategy, to change. */
	public Strategy ownStrategy(long organisationId, long strategyId) {
		Strategy strategy = this.catalog.ownStrategy(organisationId, strategyId);
		if (strategy.framework() || !Objects.equals(strategy.organisationId(), organisationId)) {
			throw new ValidationException(null, "strategy.notEditable");
		}
		return strategy;
	}

	public StrategyVersion editableVersion(long organisationId, long versionId) {
		return editableVersion(organisationId, versionId, false);
	}

	/**
	 * The latest version of an own strategy, to change; an adopted one only for what is
	 * not its text ({@code operational}: the funding gate, the assessment scale).
	 */
	public StrategyVersion editableVersion(long organisationId, long versionId, boolean operational) {
		StrategyVersion version = this.catalog.version(organisationId, versionId);
		Strategy strategy = ownStrategy(organisationId, version.strategyId());
		boolean latest = this.repository.latestVersion(strategy.id()).map(v -> v.id() == version.id()).orElse(false);
		if (operational && latest && StrategyCatalog.adopted(version)) {
			return version;
		}
		if (!this.catalog.editable(organisationId, strategy, version)) {
			throw new ValidationException(null,
					StrategyCatalog.adopted(version) ? "version.adopted" : "version.notLatest");
		}
		return version;
	}

}
