using Gongkai.Building;

namespace Gongkai.Tests.Support;

/// <summary>The sample input built once into a temporary folder, shared by the tests of a class.</summary>
public sealed class SampleSite : IDisposable
{
    private readonly TempFolder _temp = new();

    /// <summary>Builds the sample site.</summary>
    public SampleSite()
    {
        Output = _temp["output"];
        Result = SiteBuilder.BuildAsync(new BuildOptions(Repo.Input, Output, Repo.Theme)).GetAwaiter().GetResult();
        if (!Result.Succeeded)
        {
            throw new InvalidOperationException($"sample build failed: {Result.Error} {string.Join("; ", Result.Diagnostics)}");
        }
    }

    /// <summary>The output folder.</summary>
    public string Output { get; }

    /// <summary>The build's result.</summary>
    public BuildResult Result { get; }

    /// <summary>The text of an output file.</summary>
    public string Read(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    /// <inheritdoc />
    public void Dispose() => _temp.Dispose();
}
