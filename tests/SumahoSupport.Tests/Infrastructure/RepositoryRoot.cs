namespace SumahoSupport.Tests.Infrastructure;

/// <summary>The checkout the tests run from, for tests that read the repository's own files.</summary>
public static class RepositoryRoot
{
    public static readonly string Path = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "SumahoSupport.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (SumahoSupport.sln) is not above the tests.");
    }
}
