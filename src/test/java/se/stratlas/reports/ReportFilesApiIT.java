package se.stratlas.reports;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import se.stratlas.accounts.Organisation;
import se.stratlas.accounts.OrganisationSetup;
import se.stratlas.accounts.StratlasPrincipal;
import se.stratlas.followup.Cycles;
import se.stratlas.followup.Product;
import se.stratlas.followup.Products;
import se.stratlas.testing.DemoReports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report files of the JSON API: the logo uploaded (checked as on the screens) and
 * read back, from the profile and from a product, and a frozen edition's files by format.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReportFilesApiIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	OrganisationSetup setup;

	@Autowired
	Cycles cycles;

	@Autowired
	Products products;

	@Autowired
	Editions editions;

	private static byte[] png() throws Exception {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB), "png", png);
		return png.toByteArray();
	}

	private static MockMultipartFile logo(byte[] bytes) {
		return new MockMultipartFile("logo", "logo.png", "image/png", bytes);
	}

	@Test
	void anAdministratorUploadsTheLogoThatEveryoneOfTheOrganisationReads() throws Exception {
		this.setup.create((StratlasPrincipal) this.users.loadUserByUsername("admin"), "logoapi",
				new Organisation.Profile("Logotyp via API", Organisation.Kind.OVRIG, null, null, null, null),
				new OrganisationSetup.FirstAdministrator("logo.api.admin", "Logga Admin", null,
						"ett-långt-lösenord-2026"));
		UserDetails admin = this.users.loadUserByUsername("logo.api.admin");
		this.mvc.perform(get("/api/admin/organisation/logo").with(user(admin)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));

		this.mvc
			.perform(multipart("/api/admin/organisation/logo")
				.file(logo("inte en bild".getBytes(StandardCharsets.UTF_8)))
				.param("altText", "Logotyp")
				.with(csrf())
				.with(user(admin)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("logo.format"));
		this.mvc
			.perform(multipart("/api/admin/organisation/logo").file(logo(new byte[Logos.MAX_BYTES + 1]))
				.param("altText", "Logotyp")
				.with(csrf())
				.with(user(admin)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("logo.tooLarge"));
		this.mvc.perform(multipart("/api/admin/organisation/logo").file(logo(png())).with(csrf()).with(user(admin)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("altText"));
		this.mvc
			.perform(multipart("/api/admin/organisation/logo").file(logo(png()))
				.param("altText", "Logotyp")
				.with(csrf())
				.with(user(this.users.loadUserByUsername("sara.strateg"))))
			.andExpect(status().isForbidden());

		this.mvc
			.perform(multipart("/api/admin/organisation/logo").file(logo(png()))
				.param("altText", "Föreningens logotyp")
				.with(csrf())
				.with(user(admin)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/admin/organisation/logo").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andExpect(content().bytes(png()));
	}

	@Test
	void aStrategistSetsTheLogoFromAProductOfTheOrganisation() throws Exception {
		UserDetails nils = this.users.loadUserByUsername("nils.strateg");
		Product interim = DemoReports.product(this.cycles, this.products, ((StratlasPrincipal) nils).organisationId(),
				"Delårsrapport tertial 1 2021", "Divisionernas delårsrapporter april 2021");
		this.mvc
			.perform(multipart("/api/reports/cycles/{c}/products/{p}/logo", interim.cycleId(), interim.id())
				.file(logo(png()))
				.param("altText", "Region Norrbottens logotyp")
				.with(csrf())
				.with(user(this.users.loadUserByUsername("sara.strateg"))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(multipart("/api/reports/cycles/{c}/products/{p}/logo", interim.cycleId(), interim.id())
				.file(logo(png()))
				.param("altText", "Region Norrbottens logotyp")
				.with(csrf())
				.with(user(nils)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/admin/organisation/logo").with(user(nils)))
			.andExpect(status().isOk())
			.andExpect(content().bytes(png()));
	}

	@Test
	void aFrozenEditionsFilesAreReadByFormat() throws Exception {
		StratlasPrincipal strategist = (StratlasPrincipal) this.users.loadUserByUsername("sara.strateg");
		Edition edition = DemoReports.frozen(this.editions, strategist,
				DemoReports.product(this.cycles, this.products, strategist.organisationId(),
						"Resultat Västerbotten 2023", "Regionala utvecklingsnämndens årsredovisning 2023"));
		assertThat(edition.status()).isEqualTo("READY");
		UserDetails reader = this.users.loadUserByUsername("lars.lasare");

		byte[] pdf = this.mvc.perform(get("/api/reports/editions/{id}/files/pdf", edition.id()).with(user(reader)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		this.mvc.perform(get("/api/reports/editions/{id}/files/docx", edition.id()).with(user(reader)))
			.andExpect(status().isOk())
			.andExpect(
					content().contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
		this.mvc.perform(get("/api/reports/editions/{id}/files/xlsx", edition.id()).with(user(reader)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

		this.mvc.perform(get("/api/reports/editions/{id}/files/odt", edition.id()).with(user(reader)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc
			.perform(get("/api/reports/editions/{id}/files/pdf", edition.id())
				.with(user(this.users.loadUserByUsername("nils.strateg"))))
			.andExpect(status().isNotFound());
	}

}
