package dev.billforge.stripe.emulator.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormParamsTest {

	@Test
	void nestedHashesAndIndexedArraysAreDecoded() {
		FormParams p = FormParams.parse("items[0][price]=price_a&items[1][price]=price_b&items[1][quantity]=3"
				+ "&metadata[org_id]=org%201&expand[]=line_items&expand[]=customer");

		List<FormParams> items = p.nestedList("items");
		assertThat(items).hasSize(2);
		assertThat(items.get(1).string("price")).isEqualTo("price_b");
		assertThat(items.get(1).longValue("quantity")).isEqualTo(3L);
		assertThat(p.nested("metadata").string("org_id")).isEqualTo("org 1");
		assertThat(p.stringList("expand")).containsExactly("line_items", "customer");
	}

	@Test
	void numericMetadataKeysStayKeysNotArrayIndexes() {
		FormParams p = FormParams.parse("metadata[2024]=yes");

		assertThat(p.nested("metadata").string("2024")).isEqualTo("yes");
	}

	@Test
	void fingerprintIgnoresParameterOrder() {
		assertThat(FormParams.parse("a=1&b=2").fingerprint()).isEqualTo(FormParams.parse("b=2&a=1").fingerprint());
		assertThat(FormParams.parse("a=1&b=2").fingerprint()).isNotEqualTo(FormParams.parse("a=1&b=3").fingerprint());
	}

	@Test
	void unknownParameterIsNamedWithItsFullPath() {
		FormParams item = FormParams.parse("items[0][colour]=red").nestedList("items").get(0);

		assertThatThrownBy(() -> item.allowOnly("price")).isInstanceOfSatisfying(ApiError.class,
				e -> assertThat(e.body().path("error").path("param").asString()).isEqualTo("items[0][colour]"));
	}

	@Test
	void malformedIntegerIsAnInvalidRequest() {
		assertThatThrownBy(() -> FormParams.parse("limit=ten").longValue("limit"))
			.isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(400));
	}

}
