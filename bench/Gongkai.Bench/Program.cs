using Gongkai.Bench;

// Benchmark tools: a deterministic corpus generator and a measurement of what a first search query transfers.
return args switch
{
    ["corpus", .. var rest] => CorpusCommand.Run(Args.Parse(rest)),
    ["search-bytes", .. var rest] => await SearchBytesCommand.RunAsync(Args.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          dotnet run --project bench/Gongkai.Bench -- corpus --regions N --years Y --reports R --out DIR [--hugo DIR] [--seed S]
          dotnet run --project bench/Gongkai.Bench -- search-bytes --site DIR --query TEXT [--prefix /]
        """);
    return 2;
}
