export { roles } from '../../scoring/enumerations';
