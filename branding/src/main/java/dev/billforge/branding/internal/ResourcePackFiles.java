package dev.billforge.branding.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/** A brand pack at a Spring resource location such as {@code classpath:brand/} (also inside a jar). */
public final class ResourcePackFiles implements PackFiles {

    private final ResourcePatternResolver resolver;
    private final String location;

    public ResourcePackFiles(ResourcePatternResolver resolver, String location) {
        this.resolver = resolver;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    @Override
    public String description() {
        return location;
    }

    @Override
    public Optional<PackFile> find(String name) {
        Resource resource = resolver.getResource(location + name);
        if (!resource.exists() || !resource.isReadable()) {
            return Optional.empty();
        }
        return Optional.of(new PackFile() {
            @Override
            public long size() throws IOException {
                return resource.contentLength();
            }

            @Override
            public byte[] read() throws IOException {
                try (InputStream in = resource.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        });
    }

    @Override
    public List<String> fileNames() throws IOException {
        List<String> names = new ArrayList<>();
        Resource[] resources;
        try {
            resources = resolver.getResources(location + "*");
        } catch (java.io.FileNotFoundException e) {
            return names;
        }
        for (Resource resource : resources) {
            String name = resource.getFilename();
            if (name != null && !name.isEmpty() && resource.isReadable()) {
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }
}
