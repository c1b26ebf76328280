package se.stratlas.areas;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AreaOptionsTests {

	private final AreaOptions options = AreaOptions.of(List.of(new Area("0000", "Sverige", Area.Kind.COUNTRY, null),
			new Area("24", "Västerbottens län", Area.Kind.COUNTY, "0000"),
			new Area("2480", "Umeå <&> \"kommun\"", Area.Kind.MUNICIPALITY, "24")));

	@Test
	void namesAreEscapedAndNothingIsSelectedByDefault() {
		assertThat(this.options.html(List.of()))
			.isEqualTo("<option value=\"0000\">Sverige</option>" + "<option value=\"24\">Västerbottens län</option>"
					+ "<option value=\"2480\">Umeå &lt;&amp;&gt; &quot;kommun&quot;</option>");
	}

	@Test
	void theChosenAreasAreSelectedInTheOrderOfTheList() {
		assertThat(this.options.html(List.of("2480", "0000"))).isEqualTo(
				"<option value=\"0000\" selected>Sverige</option>" + "<option value=\"24\">Västerbottens län</option>"
						+ "<option value=\"2480\" selected>Umeå &lt;&amp;&gt; &quot;kommun&quot;</option>");
	}

	@Test
	void unknownCodesNullsAndRepeatsChangeNothing() {
		assertThat(this.options.html(Arrays.asList("9999", null, "24", "24")))
			.isEqualTo(this.options.html(List.of("24")))
			.containsOnlyOnce(" selected")
			.contains("<option value=\"24\" selected>");
	}

}
