package dev.aivj.registry;

/**
 * One line of {@code versions.csv}.
 *
 * @param version   {@code v<unix time>_<first 4 hex of the model hash>}
 * @param created   ISO-8601 UTC
 * @param status    {@code candidate}, {@code refused}, {@code promoted}, {@code retired} (a later one was promoted) or
 *                  {@code rolled-back}
 * @param dataSha256  hash of the training data the bundle was made from (as the caller states it)
 * @param modelSha256 hash of the bundle's files
 * @param command     the command line that made the bundle
 * @param gate        the gate's figures, null before the gate ran
 */
public record VersionRow(String version, String created, String status, String dataSha256, String modelSha256,
        String command, GateFigures gate) {
    public VersionRow withStatus(String s) {
        return new VersionRow(version, created, s, dataSha256, modelSha256, command, gate);
    }

    public VersionRow withGate(GateFigures g) {
        return new VersionRow(version, created, status, dataSha256, modelSha256, command, g);
    }
}
