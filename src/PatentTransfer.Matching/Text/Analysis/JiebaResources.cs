using JiebaNet.Segmenter;

namespace PatentTransfer.Matching.Text.Analysis;

/// <summary>
/// Points jieba at its dictionary files. The NuGet package does not copy them to the build output, so this
/// project's build copies them to <c>jieba/</c> next to the assembly (see PatentTransfer.Matching.csproj). jieba
/// reads the folder from a process-wide setting when its dictionary is first used, so it is set once, before the
/// first segmenter is created, and a later attempt to point it elsewhere is refused rather than silently ignored.
/// </summary>
public static class JiebaResources
{
    public const string FolderName = "jieba";

    private static readonly Lock Gate = new();
    private static string? _configuredDirectory;

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>The folder jieba reads, once configured; null before.</summary>
    public static string? ConfiguredDirectory
    {
        get
        {
            lock (Gate)
            {
                return _configuredDirectory;
            }
        }
    }

    public static void EnsureConfigured(string? directory)
    {
        var full = Path.GetFullPath(string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory);
        lock (Gate)
        {
            if (_configuredDirectory is not null)
            {
                if (!string.Equals(_configuredDirectory, full, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"jieba's dictionary folder is process-wide and already set to '{_configuredDirectory}'; it cannot also be '{full}'.");
                }

                return;
            }

            foreach (var file in new[] { "dict.txt", "prob_trans.json", "prob_emit.json" })
            {
                if (!File.Exists(Path.Combine(full, file)))
                {
                    throw new FileNotFoundException(
                        $"jieba's dictionary file '{file}' is not in '{full}'. The build copies the jieba.NET package's Resources folder there; set PatentSearchOptions.JiebaResourceDirectory if it lives elsewhere.",
                        Path.Combine(full, file));
                }
            }

            ConfigManager.ConfigFileBaseDir = full;
            _configuredDirectory = full;
        }
    }
}
