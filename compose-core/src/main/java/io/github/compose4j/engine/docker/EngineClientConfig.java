package io.github.compose4j.engine.docker;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerConfigFile;
import com.github.dockerjava.core.NameParser;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.core.SSLConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The docker-java configuration for an already resolved endpoint and negotiated API version. Unlike
 * {@code DefaultDockerClientConfig} it reads no system properties or {@code docker-java.properties}, and reads
 * {@code config.json} (registry credentials) only when a pull, push or build first needs it.
 */
final class EngineClientConfig implements DockerClientConfig {
    private final DockerEndpoint endpoint;
    private final RemoteApiVersion apiVersion;
    private volatile DockerConfigFile configFile;

    EngineClientConfig(DockerEndpoint endpoint, RemoteApiVersion apiVersion) {
        this.endpoint = endpoint;
        this.apiVersion = apiVersion;
    }

    @Override
    public URI getDockerHost() {
        return URI.create(endpoint.host().toString());
    }

    @Override
    public RemoteApiVersion getApiVersion() {
        return apiVersion;
    }

    @Override
    public String getRegistryUsername() {
        return null;
    }

    @Override
    public String getRegistryPassword() {
        return null;
    }

    @Override
    public String getRegistryEmail() {
        return null;
    }

    @Override
    public String getRegistryUrl() {
        return null;
    }

    @Override
    public AuthConfig effectiveAuthConfig(String imageName) {
        NameParser.ReposTag reposTag = NameParser.parseRepositoryTag(imageName);
        NameParser.HostnameReposName name = NameParser.resolveRepositoryName(reposTag.repos);
        return configFile().resolveAuthConfig(name.hostname);
    }

    @Override
    public AuthConfigurations getAuthConfigurations() {
        return configFile().getAuthConfigurations();
    }

    @Override
    @SuppressWarnings("deprecation") // the interface still requires it
    public SSLConfig getSSLConfig() {
        return null; // TLS is handled by JdkDockerHttpClient from the endpoint's material
    }

    private DockerConfigFile configFile() {
        DockerConfigFile file = configFile;
        if (file == null) {
            Path dir = endpoint.configDir();
            try {
                file = DockerConfigFile.loadConfig(getObjectMapper(), dir.toString());
            } catch (IOException e) {
                throw new DockerClientException("Failed to parse docker configuration file in " + dir, e);
            }
            configFile = file;
        }
        return file;
    }
}
