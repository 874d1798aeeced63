package dev.billforge.docrouter.documents;

/** What an upload is, by its bytes. */
public enum ContentKind {

	PDF("application/pdf"), PNG("image/png"), JPEG("image/jpeg"), GIF("image/gif"), TIFF("image/tiff"),
	WEBP("image/webp"), TEXT("text/plain");

	private final String mediaType;

	ContentKind(String mediaType) {
		this.mediaType = mediaType;
	}

	public String mediaType() {
		return mediaType;
	}

	public boolean isImage() {
		return this != PDF && this != TEXT;
	}

}
