namespace Gongkai.Model;

/// <summary>A key figure a disclosure states, such as 预算执行率 40.75% against the target “时间过半、预算执行过半”.</summary>
public sealed record Indicator(string Label, decimal Value, string Unit, string? Period, decimal? Target, string? TargetNote, string? Note);
