package dev.billforge.docrouter.extraction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import dev.billforge.docrouter.pricing.TokenUsage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extraction by an LLM behind any OpenAI-compatible endpoint (Spring AI's
 * {@link ChatModel}). The answer must be a JSON object; the provider's reported token
 * usage is what the job is priced on.
 */
public class LlmExtractor implements Extractor {

	private static final Logger log = LoggerFactory.getLogger(LlmExtractor.class);

	private final ChatModel chat;

	private final String model;

	private final int maxInputChars;

	private final JsonMapper json;

	public LlmExtractor(ChatModel chat, String model, int maxInputChars, JsonMapper json) {
		this.chat = chat;
		this.model = model;
		this.maxInputChars = maxInputChars;
		this.json = json;
	}

	@Override
	public String name() {
		return "llm";
	}

	public String model() {
		return model;
	}

	public int maxInputChars() {
		return maxInputChars;
	}

	/** The text as it is sent: cut at {@code maxInputChars}. */
	public String promptText(String text) {
		return text.length() > maxInputChars ? text.substring(0, maxInputChars) : text;
	}

	@Override
	public Extraction extract(ExtractionInput input) {
		ChatResponse response;
		try {
			response = chat.call(new Prompt(List.of(new SystemMessage(Prompts.system(input.type())),
					new UserMessage(Prompts.user(promptText(input.text()))))));
		}
		catch (RuntimeException ex) {
			// The provider's error text stays in the log: it can name accounts, quotas or
			// internal hosts.
			log.warn("LLM endpoint failed: {}", rootMessage(ex));
			throw new ExtractionFailedException("the LLM endpoint failed", ex);
		}
		if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
			throw new ExtractionFailedException("the LLM endpoint returned no answer", null);
		}
		Usage usage = response.getMetadata().getUsage();
		if (usage == null || usage.getPromptTokens() == null || usage.getCompletionTokens() == null
				|| usage.getPromptTokens() <= 0) {
			// pricing rests on reported usage (Spring AI reports a missing usage block as
			// zeros, and no real
			// prompt has zero tokens); an answer without it cannot be charged correctly
			throw new ExtractionFailedException("the LLM endpoint did not report token usage", null);
		}
		TokenUsage spent = new TokenUsage(usage.getPromptTokens(), usage.getCompletionTokens());
		Map<String, Object> parsed = parse(response.getResult().getOutput().getText());
		if (parsed == null) {
			throw new UnusableAnswerException("the model's answer was not a JSON object", model, spent);
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("documentType", input.type().code());
		fields.putAll(parsed);
		return new Extraction(fields, model, spent);
	}

	/** The answer's JSON object, or {@code null} when it is not one. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> parse(String text) {
		String body = text == null ? "" : text.strip();
		// some models wrap JSON in a Markdown fence despite the instruction
		if (body.startsWith("```")) {
			body = body.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
		}
		try {
			Object value = json.readValue(body, Object.class);
			if (value instanceof Map<?, ?> map) {
				return (Map<String, Object>) map;
			}
		}
		catch (JacksonException ex) {
			// fall through
		}
		return null;
	}

	private static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
	}

}
