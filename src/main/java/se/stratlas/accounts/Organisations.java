package se.stratlas.accounts;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stratlas.shared.NotFoundException;

/** The organisations of this instance. */
@Component
public class Organisations {

	private final JdbcClient jdbc;

	private final java.util.Map<Long, Organisation> byId = new java.util.concurrent.ConcurrentHashMap<>();

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Organisation> all() {
		return this.jdbc.sql("select id, code, name from accounts_organisation order by name")
			.query(Organisation.class)
			.list();
	}

	public Optional<Organisation> findByCode(String code) {
		return this.jdbc.sql("select id, code, name from accounts_organisation where code = :code")
			.param("code", code)
			.query(Organisation.class)
			.optional();
	}

	/**
	 * The organisation with this id. Organisations are never renamed or removed, so each
	 * is read once: the layout names it on every page.
	 */
	public Organisation get(long id) {
		Organisation known = this.byId.get(id);
		if (known != null) {
			return known;
		}
		Organisation organisation = this.jdbc.sql("select id, code, name from accounts_organisation where id = :id")
			.param("id", id)
			.query(Organisation.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("organisation", id));
		this.byId.put(id, organisation);
		return organisation;
	}

	/** Returns the organisation with this code, creating it the first time. */
	@Transactional
	public Organisation ensure(String code, String name) {
		this.jdbc
			.sql("insert into accounts_organisation (code, name) values (:code, :name) on conflict (code) do nothing")
			.param("code", code)
			.param("name", name)
			.update();
		return findByCode(code).orElseThrow();
	}

}
