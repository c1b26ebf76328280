package se.stratlas.web;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Ids of the demo region's records, looked up in the database the test runs against. */
record DemoIds(long rus, long rusVersion, long priority1, long rds, long readerUser, long actor, long partnership,
		long initiative, long application, long indicator, long cycle, long contribution, long section, long product,
		long scanItem) {

	static DemoIds of(JdbcClient jdbc) {
		long rus = jdbc.sql("""
				select s.id from strategy_strategy s join accounts_organisation o on o.id = s.organisation_id
				where o.code = 'vasterbotten' and s.code = 'RUS'""").query(Long.class).single();
		// The adopted version: the demo's learning also starts a draft of a revised RUS.
		long version = jdbc.sql("select max(id) from strategy_version where strategy_id = :s and status = 'ANTAGEN'")
			.param("s", rus)
			.query(Long.class)
			.single();
		long p1 = jdbc.sql("select id from strategy_element where version_id = :v and code = '1'")
			.param("v", version)
			.query(Long.class)
			.single();
		long rds = jdbc.sql("""
				select s.id from strategy_strategy s join accounts_organisation o on o.id = s.organisation_id
				where o.code = 'vasterbotten' and s.code = 'RDS'""").query(Long.class).single();
		long reader = jdbc.sql("select id from accounts_user where username = 'lars.lasare'")
			.query(Long.class)
			.single();
		long actor = jdbc.sql("select min(id) from actors_actor").query(Long.class).single();
		long partnership = jdbc.sql("select min(id) from actors_partnership").query(Long.class).single();
		long initiative = jdbc.sql("""
				select i.id from initiatives_initiative i join accounts_unit u on u.id = i.owner_unit_id
				where u.name = 'Företag- och projektfinansiering' order by i.id limit 1""").query(Long.class).single();
		long application = jdbc.sql("select min(id) from initiatives_application where decision = 'INKOMMEN'")
			.query(Long.class)
			.single();
		long indicator = jdbc.sql("select id from indicators_definition where code = 'DEMO_GHG'")
			.query(Long.class)
			.single();
		long cycle = jdbc.sql("select id from followup_cycle where name = 'Resultat Västerbotten 2023'")
			.query(Long.class)
			.single();
		// The approved text of priority 2's "Regionens bidrag", written for the
		// rapportör's unit.
		long contribution = jdbc.sql("""
				select c.id from followup_contribution c join followup_section s on s.id = c.section_id
				where c.cycle_id = :cycle and s.title = 'Regionens bidrag' and s.chapter like 'Prioritering 2%'""")
			.param("cycle", cycle)
			.query(Long.class)
			.single();
		long section = jdbc.sql("select section_id from followup_contribution where id = :id")
			.param("id", contribution)
			.query(Long.class)
			.single();
		long product = jdbc.sql("select min(id) from followup_product where cycle_id = :cycle and frozen_at is null")
			.param("cycle", cycle)
			.query(Long.class)
			.single();
		long scanItem = jdbc
			.sql("select min(i.id) from foresight_item i"
					+ " join accounts_organisation o on o.id = i.organisation_id where o.code = 'vasterbotten'")
			.query(Long.class)
			.single();
		return new DemoIds(rus, version, p1, rds, reader, actor, partnership, initiative, application, indicator, cycle,
				contribution, section, product, scanItem);
	}

}
