package se.stratlas.strategy;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A strategy in its own words: Dalastrategin has målområden with prioriteringar under
 * them; its pages and element form say so, a level it does not use cannot be added, and a
 * level with elements cannot be dropped. RUS keeps its usual names.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StrategyLevelsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	private RequestPostProcessor strategist() {
		return user(this.users.loadUserByUsername("sara.strateg"));
	}

	@Test
	void aStrategyNamesItsLevelsAndUsesOnlyThose() throws Exception {
		this.mvc
			.perform(post("/strategies").param("code", "DALA")
				.param("nameSv", "Dalastrategin")
				.with(csrf())
				.with(strategist()))
			.andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("select id from strategy_strategy where code = 'DALA'").query(Long.class).single();
		long version = this.jdbc.sql("select max(id) from strategy_version where strategy_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/strategies/{id}/levels", id).param("level-GOAL-nameSv", "Målområde")
				.param("level-GOAL-pluralSv", "Målområden")
				.param("level-GOAL-nameEn", "Goal area")
				.param("level-PRIORITY-nameSv", "Prioritering")
				.with(csrf())
				.with(strategist()))
			.andExpect(flash().attribute("flash", "strategy.levels.saved"));

		this.mvc
			.perform(post("/strategies/versions/{v}/elements", version).param("type", "GOAL")
				.param("code", "1")
				.param("nameSv", "Attraktiva livsmiljöer")
				.with(csrf())
				.with(strategist()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/strategies/versions/{v}/elements", version).param("type", "DIRECTION")
				.param("code", "I")
				.param("nameSv", "En inriktning")
				.with(csrf())
				.with(strategist()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Strategin använder inte den nivån")));

		this.mvc.perform(get("/strategies/{id}", id).with(strategist()))
			.andExpect(content().string(containsString("Målområde")))
			.andExpect(content().string(containsString("1 Målområde")))
			.andExpect(content().string(not(containsString("övergripande mål"))));
		this.mvc.perform(get("/strategies/{id}", id).param("lang", "en").with(strategist()))
			.andExpect(content().string(containsString("Goal area")));
		long goal = this.jdbc.sql("select id from strategy_element where version_id = :v and code = '1'")
			.param("v", version)
			.query(Long.class)
			.single();
		this.mvc
			.perform(get("/strategies/versions/{v}/elements/new", version).param("parent", String.valueOf(goal))
				.with(strategist()))
			.andExpect(content().string(containsString(">Prioritering</option>")))
			.andExpect(content().string(not(containsString(">åtgärd</option>"))));

		this.mvc
			.perform(post("/strategies/{id}/levels", id).param("level-PRIORITY-nameSv", "Prioritering")
				.with(csrf())
				.with(strategist()))
			.andExpect(flash().attribute("flashError", "strategy.level.inUse"));
		assertThat(this.jdbc.sql("select count(*) from strategy_level where strategy_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void rusKeepsItsUsualNames() throws Exception {
		long rus = this.jdbc.sql("select min(id) from strategy_strategy where code = 'RUS'").query(Long.class).single();
		this.mvc.perform(get("/strategies/{id}", rus).with(strategist()))
			.andExpect(content().string(containsString("prioritering")))
			.andExpect(content().string(containsString("delprioritering")));
	}

}
