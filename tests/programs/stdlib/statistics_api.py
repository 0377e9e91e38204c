# statistics: averages, spread, quantiles, exact types (Fraction, Decimal), correlation and regression, NormalDist, StatisticsError
import statistics as st, fractions, decimal
data = [2.5, 3.25, 5.5, 1.0, 7.75, 3.25, 4.0]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mode(data), st.multimode([1, 1, 2, 2, 3]), st.pstdev(data), st.stdev(data), st.variance(data), st.pvariance(data))
print(st.geometric_mean([1, 2, 4, 8]), st.harmonic_mean([40, 60]), st.quantiles(range(1, 101), n=4), st.median_grouped([1, 2, 2, 3, 4]))
print(st.mean([fractions.Fraction(1, 3), fractions.Fraction(2, 3)]), st.mean([decimal.Decimal('1.5'), decimal.Decimal('2.5')]))
print(st.correlation([1, 2, 3, 4], [2, 4, 6, 8.5]), st.covariance([1, 2, 3], [1, 2, 4]), st.linear_regression([1, 2, 3, 4], [3, 5, 7, 9]))
nd = st.NormalDist(100, 15)
print(nd.cdf(115), nd.inv_cdf(0.975), nd.pdf(100), nd.overlap(st.NormalDist(110, 15)), nd + 10, nd * 2)
try:
    st.mean([])
except st.StatisticsError as e:
    print('StatisticsError', e)
