namespace PatentTransfer.Matching.Text.Analysis;

/// <summary>The Chinese word segmenters the search index can use (docs/decisions/0008-chinese-analyzer.md).</summary>
public enum ChineseAnalyzerKind
{
    /// <summary>Lucene's SmartChineseAnalyzer (HMM segmentation with its built-in dictionary); the default.</summary>
    SmartCn,

    /// <summary>jieba.NET in search mode: dictionary words plus the shorter dictionary words inside them.</summary>
    Jieba,
}
